package fr.territoires.registry.territory;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import fr.territoires.events.territory.TerritoryUpdatedV1;
import fr.territoires.registry.access.TerritoryAccess;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryRepository;
import fr.territoires.registry.entry.TerritoryStatus;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.perimeter.PhaseOne;
import fr.territoires.registry.reference.Phases;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Changes to the registry; each one commits with the events that tell partners about it. */
@ApplicationScoped
public class TerritoryService {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final TerritoryRepository territories;
    private final Outbox outbox;
    private final PerimeterService perimeters;
    private final TerritoryAccess access;
    private final PhaseLabels labels;
    private final PhaseOne phaseOne;

    public TerritoryService(TerritoryRepository territories, Outbox outbox, PerimeterService perimeters,
            TerritoryAccess access, PhaseLabels labels, PhaseOne phaseOne) {
        this.phaseOne = phaseOne;
        this.territories = territories;
        this.outbox = outbox;
        this.perimeters = perimeters;
        this.access = access;
        this.labels = labels;
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
            for (String phase : request.labelDates().keySet()) {
                if (!Arrays.asList(territory.phases).contains(phase)) {
                    throw ProblemException.invalid("labelledOn", "dates phase " + phase + ", which is not one of its phases");
                }
            }
            return territories.persistAndFlush(territory)
                    .chain(t -> labels.recordMissing(t, request.labelDates(), dates.today()))
                    .chain(t -> t.status == TerritoryStatus.LABELLED ? announceLabel(t) : Uni.createFrom().item(t));
        });
    }

    @WithTransaction
    public Uni<Territory> changeStatus(String code, TerritoryRequests.StatusChange change, Long expectedVersion,
            CallerScope caller) {
        return access.requireManager(caller, code).chain(territory -> {
            IfMatch.check(expectedVersion, territory.version, "Territory " + code);
            StatusTransitions.check(code, territory.status, change.status());
            TerritoryStatus previous = territory.status;
            territory.status = change.status();
            territory.updatedAt = OffsetDateTime.now();
            return territories.flush()
                    .chain(() -> labels.recordMissing(territory, Map.of(), dates.today()))
                    .chain(() -> announceStatusChange(territory, previous, change.reason()))
                    .chain(() -> territory.status == TerritoryStatus.LABELLED
                            ? announceLabel(territory) : Uni.createFrom().item(territory));
        });
    }

    /** Name, pilot flag, phases: what is given changes; nothing changed publishes nothing. */
    @WithTransaction
    public Uni<Territory> changeIdentity(String code, TerritoryRequests.IdentityChange change, Long expectedVersion,
            CallerScope caller) {
        return access.requireManager(caller, code).chain(territory -> {
            IfMatch.check(expectedVersion, territory.version, "Territory " + code);
            List<String> changed = new ArrayList<>();
            if (change.name() != null && !change.name().trim().equals(territory.name)) {
                territory.name = change.name().trim();
                changed.add("name");
            }
            if (change.pilot() != null && change.pilot() != territory.pilot) {
                territory.pilot = change.pilot();
                changed.add("pilot");
            }
            String[] phases = change.sortedPhases();
            if (phases != null && !Arrays.equals(phases, territory.phases)) {
                territory.phases = phases;
                changed.add("phases");
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(territory);
            }
            territory.updatedAt = OffsetDateTime.now();
            return territories.flush()
                    .chain(() -> labels.recordMissing(territory, Map.of(), dates.today()))
                    .chain(() -> announceUpdate(territory, changed, UnaryOperator.identity()));
        });
    }

    /** status-changed.v1 for a territory whose status was just changed from {@code previous}. */
    public Uni<Territory> announceStatusChange(Territory t, TerritoryStatus previous, String reason) {
        return outbox.append(EventType.TERRITORY_STATUS_CHANGED, t.code,
                new TerritoryStatusChangedV1(t.code, t.name, t.status.name(), previous.name(), reason)).replaceWith(t);
    }

    /**
     * labelled.v1 carries today's perimeter, so a consumer can start its replica from it, the phase
     * whose code this is (its latest) and, in phase 2, the phase-1 codes of the same place.
     */
    public Uni<Territory> announceLabel(Territory t) {
        String phase = t.phases[t.phases.length - 1];
        return perimeters.currentEpcisAt(t.code, dates.today())
                .chain(epcis -> (Phases.CURRENT.equals(phase) ? phaseOne.predecessorsOf(t.code)
                        : Uni.createFrom().item(List.<String>of()))
                        .chain(predecessors -> outbox.append(EventType.TERRITORY_LABELLED, t.code,
                                TerritoryLabelledV1.of(t.code, t.name, t.pilot, perimeters.perimeterOf(epcis))
                                        .inPhase(phase, predecessors))))
                .replaceWith(t);
    }

    /**
     * updated.v1: the territory's identity, what changed, and (through {@code detail}) the current
     * state of the changed part — governance, industrial profile, a meeting or a contract document.
     */
    public Uni<Territory> announceUpdate(Territory t, List<String> changed, UnaryOperator<TerritoryUpdatedV1> detail) {
        TerritoryUpdatedV1 event = detail.apply(TerritoryUpdatedV1.of(t.code, t.name, t.status.name(), t.pilot,
                List.of(t.phases), List.copyOf(changed)));
        return outbox.append(EventType.TERRITORY_UPDATED, t.code, event).replaceWith(t);
    }
}
