package fr.territoires.backbone.inbox;

import fr.territoires.backbone.BackboneConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The staleness guard of a replica: remembers, per key and part of the state ("aspect": a
 * territory's status, its perimeter…), the {@code ce_sequence} of the last event applied to it, in
 * the consumer's transaction. An event whose sequence is not above it is older than what the
 * replica holds (a re-driven dead letter, a replay) and must not overwrite it.
 *
 * <p>Per aspect, not per key: an older perimeter change re-driven after a newer status change still
 * carries the newest perimeter the replica has heard of.
 */
@ApplicationScoped
public class AppliedSequences {

    private final String consumer;

    public AppliedSequences(BackboneConfig config) {
        this.consumer = config.service();
    }

    /**
     * Records that {@code aspect} of the event's key is now at the event's sequence, and returns
     * true; returns false, recording nothing, when an event at least as recent was already applied
     * to it. An event without a sequence (published before sequences existed) is always fresh.
     * Must run in the consumer's transaction.
     */
    public Uni<Boolean> advance(ReceivedEvent event, String aspect) {
        if (event.sequence() == null || event.key() == null) {
            return Uni.createFrom().item(true);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO applied_sequence AS a (consumer, topic, event_key, aspect, last_sequence)
                VALUES (:consumer, :topic, :key, :aspect, :sequence)
                ON CONFLICT (consumer, topic, event_key, aspect)
                DO UPDATE SET last_sequence = EXCLUDED.last_sequence, applied_at = clock_timestamp()
                WHERE a.last_sequence < EXCLUDED.last_sequence""")
                .setParameter("consumer", consumer)
                .setParameter("topic", event.topic())
                .setParameter("key", event.key())
                .setParameter("aspect", aspect)
                .setParameter("sequence", event.sequence())
                .executeUpdate())
                .map(changed -> changed == 1);
    }
}
