package fr.territoires.registry.territory;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.EventType;
import fr.territoires.registry.perimeter.PerimeterService;
import java.time.LocalDate;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** Changes to the registry; each one commits with the events that tell partners about it. */
@ApplicationScoped
public class TerritoryService {

    private final TerritoryRepository territories;
    private final Outbox outbox;
    private final PerimeterService perimeters;

    public TerritoryService(TerritoryRepository territories, Outbox outbox, PerimeterService perimeters) {
        this.territories = territories;
        this.outbox = outbox;
        this.perimeters = perimeters;
    }

    @WithTransaction
    public Uni<Territory> create(TerritoryRequests.NewTerritory request) {
        StatusTransitions.checkInitial(request.status());
        return territories.findById(request.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("territory-exists", "Territory " + request.code() + " already exists");
            }
            Territory territory = Territory.of(request.code(), request.name().trim(), request.status(), request.pilot());
            territory.phases = request.phasesOrCurrent();
            return territories.persistAndFlush(territory)
                    .chain(t -> t.status == TerritoryStatus.LABELLED ? announceLabel(t) : Uni.createFrom().item(t));
        });
    }

    @WithTransaction
    public Uni<Territory> changeStatus(String code, TerritoryRequests.StatusChange change, Long expectedVersion) {
        return territories.findById(code).chain(territory -> {
            if (territory == null) {
                throw ProblemException.notFound("Territory " + code);
            }
            if (expectedVersion != null && expectedVersion != territory.version) {
                throw new ProblemException(Problem.of("stale-version", "Precondition failed", 412,
                        "Territory " + code + " changed since version " + expectedVersion + " (now " + territory.version
                                + "); read it again"));
            }
            StatusTransitions.check(code, territory.status, change.status());
            TerritoryStatus previous = territory.status;
            territory.status = change.status();
            territory.updatedAt = OffsetDateTime.now();
            return territories.flush()
                    .chain(() -> announceStatusChange(territory, previous, change.reason()))
                    .chain(() -> territory.status == TerritoryStatus.LABELLED
                            ? announceLabel(territory) : Uni.createFrom().item(territory));
        });
    }

    /** status-changed.v1 for a territory whose status was just changed from {@code previous}. */
    public Uni<Territory> announceStatusChange(Territory t, TerritoryStatus previous, String reason) {
        return outbox.append(EventType.TERRITORY_STATUS_CHANGED, t.code,
                new TerritoryStatusChangedV1(t.code, t.name, t.status.name(), previous.name(), reason)).replaceWith(t);
    }

    /** labelled.v1 carries today's perimeter, so a consumer can start its replica from it. */
    public Uni<Territory> announceLabel(Territory t) {
        return perimeters.currentEpcisAt(t.code, LocalDate.now())
                .chain(epcis -> outbox.append(EventType.TERRITORY_LABELLED, t.code,
                        TerritoryLabelledV1.of(t.code, t.name, t.pilot, perimeters.perimeterOf(epcis))))
                .replaceWith(t);
    }
}
