package fr.territoires.recruitment.territory;

import fr.territoires.backbone.inbox.AppliedSequences;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.events.territory.Perimeter;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryPerimeterChangedV1;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import fr.territoires.commons.time.BusinessDates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies territory events to the replica (in the consumer's transaction). A labelled event gives
 * the perimeter from the day it happened; a perimeter change gives it from its effectiveOn and
 * replaces whatever the replica held from that day on (it is the newer word on that period). An
 * event older (by {@code ce_sequence}) than what the replica applied to the same part of the
 * territory (status, perimeter) never overwrites it.
 */
@ApplicationScoped
public class TerritoryReplica {

    /** The parts of a territory's state that events replace, each with its own staleness guard. */
    static final String STATUS = "territory-status";
    static final String PERIMETER = "territory-perimeter";

    private final BusinessDates today;
    private final AppliedSequences sequences;

    public TerritoryReplica(BusinessDates today, AppliedSequences sequences) {
        this.today = today;
        this.sequences = sequences;
    }

    /**
     * A labelled event carries the status and the perimeter; each part is applied only if no newer
     * event about it was (a re-driven old labelled event does not bring back a territory that left).
     */
    public Uni<Void> labelled(ReceivedEvent event) {
        return sequences.advance(event, STATUS).chain(freshStatus -> sequences.advance(event, PERIMETER)
                .chain(freshPerimeter -> labelled(event, freshStatus, freshPerimeter)));
    }

    private Uni<Void> labelled(ReceivedEvent event, boolean freshStatus, boolean freshPerimeter) {
        TerritoryLabelledV1 p = event.payload(TerritoryLabelledV1.class);
        LocalDate from = today.dateOf(event.time());
        if (!freshStatus) {
            // Known with a newer status: only the perimeter, if it is the newest heard of.
            return !freshPerimeter ? Uni.createFrom().voidItem() : Panache.getSession().chain(s -> s.createNativeQuery(
                    "DELETE FROM territory_perimeter WHERE territory_code = :code AND effective_on = :d")
                    .setParameter("code", p.code()).setParameter("d", from).executeUpdate()
                    .chain(() -> insertPerimeter(s, p.code(), from, p.perimeter(), event.id())));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
                VALUES (:code, :name, 'LABELLED', :pilot, now(), :event)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, status = 'LABELLED', pilot = EXCLUDED.pilot,
                    updated_at = now(), last_event_id = EXCLUDED.last_event_id""")
                .setParameter("code", p.code()).setParameter("name", p.name()).setParameter("pilot", p.pilot())
                .setParameter("event", event.id()).executeUpdate()
                .chain(() -> !freshPerimeter ? Uni.createFrom().voidItem() : s.createNativeQuery(
                        "DELETE FROM territory_perimeter WHERE territory_code = :code AND effective_on = :d")
                        .setParameter("code", p.code()).setParameter("d", from).executeUpdate()
                        .chain(() -> insertPerimeter(s, p.code(), from, p.perimeter(), event.id()))));
    }

    public Uni<Void> statusChanged(ReceivedEvent event) {
        TerritoryStatusChangedV1 p = event.payload(TerritoryStatusChangedV1.class);
        return sequences.advance(event, STATUS).chain(fresh -> !fresh ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
                VALUES (:code, :name, :status, FALSE, now(), :event)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, updated_at = now(),
                    last_event_id = EXCLUDED.last_event_id""")
                .setParameter("code", p.code()).setParameter("name", p.name()).setParameter("status", p.status())
                .setParameter("event", event.id()).executeUpdate()).replaceWithVoid());
    }

    public Uni<Void> perimeterChanged(ReceivedEvent event) {
        return sequences.advance(event, PERIMETER).chain(fresh -> fresh ? perimeterChangedNow(event)
                : Uni.createFrom().voidItem()); // older than the perimeter the replica holds
    }

    private Uni<Void> perimeterChangedNow(ReceivedEvent event) {
        TerritoryPerimeterChangedV1 p = event.payload(TerritoryPerimeterChangedV1.class);
        LocalDate from = LocalDate.parse(p.effectiveOn());
        // A territory first heard of through its perimeter is not known to be labelled yet.
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
                VALUES (:code, :name, 'CANDIDATE', FALSE, now(), :event)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = now(),
                    last_event_id = EXCLUDED.last_event_id""")
                .setParameter("code", p.code()).setParameter("name", p.name()).setParameter("event", event.id())
                .executeUpdate()
                .chain(() -> s.createNativeQuery(
                        "DELETE FROM territory_perimeter WHERE territory_code = :code AND effective_on >= :d")
                        .setParameter("code", p.code()).setParameter("d", from).executeUpdate())
                .chain(() -> insertPerimeter(s, p.code(), from, p.perimeter(), event.id())));
    }

    private static Uni<Void> insertPerimeter(Mutiny.Session s, String code, LocalDate from, Perimeter perimeter,
            String eventId) {
        return s.createNativeQuery("""
                INSERT INTO territory_perimeter (territory_code, effective_on, epcis, communes, event_id)
                VALUES (:code, :d, string_to_array(:epcis, ','), string_to_array(:communes, ','), :event)""")
                .setParameter("code", code).setParameter("d", from)
                .setParameter("epcis", String.join(",", perimeter.epcis()))
                .setParameter("communes", String.join(",", perimeter.communes()))
                .setParameter("event", eventId).executeUpdate().replaceWithVoid();
    }
}
