package fr.territoires.registry.nationallist;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.Topics;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.registry.territory.PhaseLabels;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.territory.TerritoryService;
import fr.territoires.registry.entry.TerritoryStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Applies the official national list: creates or updates each territory, its phase, name, status
 * and perimeter (EPCIs derived from its communes), in one transaction. A file with a rejected row
 * changes nothing; the same file twice changes nothing the second time and publishes no event.
 */
@ApplicationScoped
public class NationalListImport {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record RowReport(int line, String inseeCom, String idTi, Outcome outcome, String reason) {
    }

    public record Report(String phase, LocalDate effectiveOn, int rows, int territories, int created, int updated,
            int unchanged, List<RowReport> lines) {
    }

    private static final String REASON = "National list of territories";

    private final ReferenceData reference;
    private final PerimeterService perimeters;
    private final TerritoryService territoryService;
    private final PhaseLabels labels;
    private final Outbox outbox;

    public NationalListImport(ReferenceData reference, PerimeterService perimeters, TerritoryService territoryService,
            PhaseLabels labels, Outbox outbox) {
        this.outbox = outbox;
        this.reference = reference;
        this.perimeters = perimeters;
        this.territoryService = territoryService;
        this.labels = labels;
    }

    /** Checks the whole file first; a 422 naming every rejected line if any, and nothing is stored. */
    public NationalListPlan check(List<NationalListCsv.Row> rows) {
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "has a header but no row");
        }
        NationalListPlan plan = NationalListPlan.of(rows, reference);
        if (!plan.acceptable()) {
            List<Problem.FieldError> errors = plan.rejections().stream()
                    .map(r -> new Problem.FieldError("line " + r.line(), r.reason())).toList();
            throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "national-list-rejected"),
                    "National list rejected", 422, errors.size() + " of " + rows.size()
                            + " rows cannot be imported; nothing was changed", null, errors));
        }
        return plan;
    }

    @WithTransaction
    public Uni<Report> apply(List<NationalListCsv.Row> rows, NationalListPlan plan, String phase, LocalDate effectiveOn,
            String actor) {
        Map<String, Outcome> outcomes = new HashMap<>();
        // Many territories in one transaction: their locks in code order, all before the first change
        // (as every writer of several territories does), so two imports at once never deadlock and the
        // second applies its file to what the first committed.
        Uni<Void> chain = outbox.lockKeys(Topics.TERRITORY, plan.territories().keySet());
        for (NationalListPlan.Planned planned : new TreeMap<>(plan.territories()).values()) {
            chain = chain.chain(() -> upsert(planned, phase, effectiveOn, actor).invoke(o -> outcomes.put(planned.code(), o)))
                    .replaceWithVoid();
        }
        return chain.map(ignored -> {
            List<RowReport> lines = rows.stream().map(r -> new RowReport(r.line(), r.inseeCom(), r.idTi(),
                    outcomes.get(plan.territoryOfLine(r.line())), null)).toList();
            long created = outcomes.values().stream().filter(o -> o == Outcome.CREATED).count();
            long updated = outcomes.values().stream().filter(o -> o == Outcome.UPDATED).count();
            return new Report(phase, effectiveOn, rows.size(), outcomes.size(), (int) created, (int) updated,
                    (int) (outcomes.size() - created - updated), lines);
        });
    }

    private Uni<Outcome> upsert(NationalListPlan.Planned planned, String phase, LocalDate effectiveOn, String actor) {
        PerimeterService.Change perimeter = new PerimeterService.Change(planned.epcis(), effectiveOn, REASON);
        return Panache.getSession().chain(session -> session.find(Territory.class, planned.code())).chain(existing -> {
            if (existing == null) {
                Territory t = Territory.of(planned.code(), planned.name(), TerritoryStatus.LABELLED, false);
                t.phases = new String[] {phase};
                return Panache.getSession().chain(s -> s.persist(t)).chain(() -> Panache.getSession().chain(s -> s.flush()))
                        .chain(() -> labels.recordMissing(t, Map.of(), effectiveOn))
                        .chain(() -> perimeters.changeInCurrentTransaction(t.code, perimeter, actor, (joining, leaving) -> { }))
                        .chain(() -> territoryService.announceLabel(t))
                        .replaceWith(Outcome.CREATED);
            }
            List<String> changed = new ArrayList<>();
            if (!Arrays.asList(existing.phases).contains(phase)) {
                existing.phases = Stream.concat(Arrays.stream(existing.phases), Stream.of(phase)).sorted()
                        .toArray(String[]::new);
                changed.add("phases");
            }
            if (!existing.name.equals(planned.name())) {
                existing.name = planned.name();
                changed.add("name");
            }
            boolean attributesChanged = !changed.isEmpty();
            boolean relabel = existing.status != TerritoryStatus.LABELLED;
            TerritoryStatus previous = existing.status;
            if (relabel) {
                existing.status = TerritoryStatus.LABELLED;
            }
            if (attributesChanged || relabel) {
                existing.updatedAt = OffsetDateTime.now();
            }
            boolean changedBeforePerimeter = attributesChanged || relabel;
            Uni<Territory> statusEvent = relabel
                    ? territoryService.announceStatusChange(existing, previous, REASON)
                    : Uni.createFrom().item(existing);
            Uni<Territory> updateEvent = attributesChanged
                    ? territoryService.announceUpdate(existing, changed, UnaryOperator.identity())
                    : Uni.createFrom().item(existing);
            return updateEvent.chain(() -> statusEvent)
                    .chain(() -> labels.recordMissing(existing, Map.of(), effectiveOn))
                    .chain(() -> perimeters.changeInCurrentTransaction(existing.code, perimeter, actor, (joining, leaving) -> { }))
                    .chain(result -> (relabel ? territoryService.announceLabel(existing) : Uni.createFrom().item(existing))
                            .replaceWith(result))
                    .map(result -> changedBeforePerimeter || result.changed() ? Outcome.UPDATED : Outcome.UNCHANGED);
        });
    }
}
