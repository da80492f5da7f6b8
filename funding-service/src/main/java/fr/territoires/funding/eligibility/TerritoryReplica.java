package fr.territoires.funding.eligibility;

import fr.territoires.backbone.inbox.AppliedSequences;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryPerimeterChangedV1;
import fr.territoires.funding.application.ApplicationService;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Applies territory events to the replica, recording each change with its event. An event older
 * (by {@code ce_sequence}) than what the replica applied to the same part of the territory never
 * overwrites it.
 */
@ApplicationScoped
public class TerritoryReplica {

    /** The parts of a territory's state that events replace, each with its own staleness guard. */
    static final String STATUS = "territory-status";
    static final String PERIMETER = "territory-perimeter";

    private final ApplicationService applications;
    private final AppliedSequences sequences;

    public TerritoryReplica(ApplicationService applications, AppliedSequences sequences) {
        this.applications = applications;
        this.sequences = sequences;
    }

    /**
     * A labelled event carries the status and the perimeter; each part is applied only if no newer
     * event about it was (a re-driven old labelled event does not bring back a territory that left).
     */
    public Uni<Void> labelled(ReceivedEvent event) {
        TerritoryLabelledV1 payload = event.payload(TerritoryLabelledV1.class);
        return sequences.advance(event, STATUS).chain(freshStatus -> sequences.advance(event, PERIMETER)
                .chain(freshPerimeter -> !freshStatus && !freshPerimeter ? Uni.createFrom().voidItem()
                        : upsert(payload.code(), event, t -> {
                            if (freshStatus || t.status == null) {
                                t.name = payload.name();
                                t.status = payload.status();
                                t.pilot = payload.pilot();
                            }
                            if (freshPerimeter) {
                                t.epcis = payload.perimeter().epcis().toArray(String[]::new);
                                t.communes = payload.perimeter().communes().toArray(String[]::new);
                            }
                        })));
    }

    /** A territory that leaves the programme gets no new application; its open ones are flagged. */
    public Uni<Void> statusChanged(ReceivedEvent event) {
        TerritoryStatusChangedV1 payload = event.payload(TerritoryStatusChangedV1.class);
        return sequences.advance(event, STATUS).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().voidItem(); // older than the status the replica holds
            }
            Uni<Void> flag = "LEFT".equals(payload.status())
                    ? applications.flagTerritoryLeft(payload.code()).replaceWithVoid() : Uni.createFrom().voidItem();
            return upsert(payload.code(), event, t -> {
                t.name = payload.name();
                t.status = payload.status();
            }).chain(() -> flag);
        });
    }

    /** The whole new perimeter replaces the replica's, so a Region's scope follows it. */
    public Uni<Void> perimeterChanged(ReceivedEvent event) {
        TerritoryPerimeterChangedV1 payload = event.payload(TerritoryPerimeterChangedV1.class);
        return Panache.getSession().chain(s -> s.find(EligibleTerritory.class, payload.code())).chain(found -> found == null
                ? Uni.createFrom().voidItem() // not labelled yet: its labelled event will carry the perimeter
                : sequences.advance(event, PERIMETER).chain(fresh -> !fresh ? Uni.createFrom().voidItem()
                        : upsert(payload.code(), event, t -> {
                            t.name = payload.name();
                            t.epcis = payload.perimeter().epcis().toArray(String[]::new);
                            t.communes = payload.perimeter().communes().toArray(String[]::new);
                        })));
    }

    private Uni<Void> upsert(String code, ReceivedEvent event, java.util.function.Consumer<EligibleTerritory> change) {
        return Panache.getSession().chain(session -> session.find(EligibleTerritory.class, code).chain(found -> {
            EligibleTerritory t = found != null ? found : new EligibleTerritory();
            t.code = code;
            change.accept(t);
            t.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            t.lastEventId = event.id();
            Uni<?> saved = found != null ? Uni.createFrom().item(t) : session.persist(t);
            return saved.chain(() -> session.createNativeQuery("""
                    INSERT INTO eligible_territory_change (code, event_id, event_type, status, event_time)
                    VALUES (:code, :id, :type, :status, :time)""")
                    .setParameter("code", code)
                    .setParameter("id", event.id())
                    .setParameter("type", event.type())
                    .setParameter("status", t.status)
                    .setParameter("time", event.time() == null ? null : event.time().atOffset(ZoneOffset.UTC))
                    .executeUpdate());
        })).replaceWithVoid();
    }
}
