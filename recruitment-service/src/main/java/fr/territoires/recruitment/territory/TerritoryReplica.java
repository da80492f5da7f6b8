package fr.territoires.recruitment.territory;

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
 * replaces whatever the replica held from that day on (it is the newer word on that period).
 */
@ApplicationScoped
public class TerritoryReplica {

    private final BusinessDates today;

    public TerritoryReplica(BusinessDates today) {
        this.today = today;
    }

    public Uni<Void> labelled(ReceivedEvent event) {
        TerritoryLabelledV1 p = event.payload(TerritoryLabelledV1.class);
        LocalDate from = today.dateOf(event.time());
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
                VALUES (:code, :name, 'LABELLED', :pilot, now(), :event)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, status = 'LABELLED', pilot = EXCLUDED.pilot,
                    updated_at = now(), last_event_id = EXCLUDED.last_event_id""")
                .setParameter("code", p.code()).setParameter("name", p.name()).setParameter("pilot", p.pilot())
                .setParameter("event", event.id()).executeUpdate()
                .chain(() -> s.createNativeQuery(
                        "DELETE FROM territory_perimeter WHERE territory_code = :code AND effective_on = :d")
                        .setParameter("code", p.code()).setParameter("d", from).executeUpdate())
                .chain(() -> insertPerimeter(s, p.code(), from, p.perimeter(), event.id())));
    }

    public Uni<Void> statusChanged(ReceivedEvent event) {
        TerritoryStatusChangedV1 p = event.payload(TerritoryStatusChangedV1.class);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
                VALUES (:code, :name, :status, FALSE, now(), :event)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, updated_at = now(),
                    last_event_id = EXCLUDED.last_event_id""")
                .setParameter("code", p.code()).setParameter("name", p.name()).setParameter("status", p.status())
                .setParameter("event", event.id()).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> perimeterChanged(ReceivedEvent event) {
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
