package fr.territoires.backbone.testapp;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A writer as a service is one: a state change and its event in one transaction. Between its
 * event and its commit it waits a little, then draws its rank from a counter whose row lock it
 * holds until it commits: the ranks are the order of the writers' commits.
 */
@ApplicationScoped
public class TestWriter {

    private final Outbox outbox;

    public TestWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Writes one event for {@code key} in its own transaction; blocks until it is committed. */
    public UUID write(String key, String reason, double pauseSeconds) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox
                    .append(EventType.TERRITORY_STATUS_CHANGED, key,
                            new TerritoryStatusChangedV1(key, "Territoire " + key, "LEFT", "LABELLED", reason))
                    .call(event -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_sleep(:s)")
                            .setParameter("s", pauseSeconds).getResultList()
                            .chain(() -> s.createNativeQuery("""
                                    WITH c AS (UPDATE test_commit_counter SET n = n + 1 WHERE id = 1 RETURNING n)
                                    INSERT INTO test_committed (event_id, event_key, commit_rank)
                                    SELECT :id, :key, n FROM c""")
                                    .setParameter("id", event.eventId)
                                    .setParameter("key", key)
                                    .executeUpdate())))
                    .map(event -> event.eventId)));
        } catch (Throwable e) {
            throw new IllegalStateException("writing an event for " + key, e);
        }
    }

    /** Several events for the same key in one transaction (no rank). */
    public void writeMany(String key, int count) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (int i = 0; i < count; i++) {
                    String reason = "many-" + i;
                    chain = chain.chain(() -> outbox.append(EventType.TERRITORY_STATUS_CHANGED, key,
                            new TerritoryStatusChangedV1(key, "Territoire " + key, "LEFT", "LABELLED", reason))
                            .replaceWithVoid());
                }
                return chain;
            }));
        } catch (Throwable e) {
            throw new IllegalStateException("writing events for " + key, e);
        }
    }

    /**
     * {@code count} events for {@code key} written with a guard that bumps the commit counter only when
     * {@code go} ({@link Outbox#appendAllWith}); the guard's rows, each ending with the events written.
     */
    public List<Object[]> writeGuarded(String key, int count, boolean go) {
        List<Outbox.Pending> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new Outbox.Pending(EventType.TERRITORY_STATUS_CHANGED, key,
                    new TerritoryStatusChangedV1(key, "Territoire " + key, "LEFT", "LABELLED", "guarded-" + i)));
        }
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.appendAllWith(
                    "UPDATE test_commit_counter SET n = n + 1 WHERE id = 1 AND :go RETURNING n", Map.of("go", go), events)));
        } catch (Throwable e) {
            throw new IllegalStateException("writing guarded events for " + key, e);
        }
    }
}
