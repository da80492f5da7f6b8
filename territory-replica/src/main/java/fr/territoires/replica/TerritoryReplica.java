package fr.territoires.replica;

import fr.territoires.backbone.inbox.AppliedSequences;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.events.territory.Perimeter;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryPerimeterChangedV1;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies territory events to the replica (in the consumer's transaction). A labelled event gives
 * the perimeter from the day it happened; a perimeter change gives it from its effectiveOn (possibly
 * in the future: until that day the replica keeps answering with the perimeter in force) and replaces
 * whatever the replica held from that day on (it is the newer word on that period). An event older
 * (by {@code ce_sequence}) than what the replica applied to the same part of the territory (status,
 * perimeter) never overwrites it. Every applied change is written to {@code territory_change} with
 * its event, so that the replica is traceable.
 *
 * <p>Tables (owned by each service's Flyway migrations): {@code territory}, {@code territory_perimeter},
 * {@code territory_change}.
 */
@ApplicationScoped
public class TerritoryReplica {

    /** The parts of a territory's state that events replace, each with its own staleness guard. */
    static final String STATUS = "territory-status";
    static final String PERIMETER = "territory-perimeter";

    private final BusinessDates today;
    private final AppliedSequences sequences;
    private final List<TerritoryStatusListener> listeners;

    public TerritoryReplica(BusinessDates today, AppliedSequences sequences, Instance<TerritoryStatusListener> listeners) {
        this.today = today;
        this.sequences = sequences;
        this.listeners = listeners.stream().toList();
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
        if (!freshStatus && !freshPerimeter) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> {
            // Known with a newer status: only the perimeter, if it is the newest heard of.
            Uni<Integer> status = !freshStatus ? Uni.createFrom().item(0) : s.createNativeQuery("""
                    INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
                    VALUES (:code, :name, 'LABELLED', :pilot, now(), :event)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, status = 'LABELLED', pilot = EXCLUDED.pilot,
                        updated_at = now(), last_event_id = EXCLUDED.last_event_id""")
                    .setParameter("code", p.code()).setParameter("name", p.name()).setParameter("pilot", p.pilot())
                    .setParameter("event", event.id()).executeUpdate();
            return status
                    .chain(() -> !freshPerimeter ? Uni.createFrom().voidItem() : s.createNativeQuery(
                            "DELETE FROM territory_perimeter WHERE territory_code = :code AND effective_on = :d")
                            .setParameter("code", p.code()).setParameter("d", from).executeUpdate()
                            .chain(() -> insertPerimeter(s, p.code(), from, p.perimeter(), event.id())))
                    .chain(() -> logChange(s, p.code(), event))
                    .chain(() -> freshStatus ? notifyListeners(p.code(), "LABELLED") : Uni.createFrom().voidItem());
        });
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
                .setParameter("event", event.id()).executeUpdate()
                .chain(() -> logChange(s, p.code(), event))
                .chain(() -> notifyListeners(p.code(), p.status()))));
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
                .chain(() -> insertPerimeter(s, p.code(), from, p.perimeter(), event.id()))
                .chain(() -> logChange(s, p.code(), event)));
    }

    private Uni<Void> notifyListeners(String code, String status) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TerritoryStatusListener listener : listeners) {
            chain = chain.chain(() -> listener.statusChanged(code, status));
        }
        return chain;
    }

    private static Uni<Void> logChange(Mutiny.Session s, String code, ReceivedEvent event) {
        return s.createNativeQuery("""
                INSERT INTO territory_change (code, event_id, event_type, status, event_time)
                SELECT code, :id, :type, status, :time FROM territory WHERE code = :code""")
                .setParameter("code", code).setParameter("id", event.id()).setParameter("type", event.type())
                .setParameter("time", event.time() == null ? null : event.time().atOffset(ZoneOffset.UTC))
                .executeUpdate().replaceWithVoid();
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
