package fr.territoires.funding.application;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.EventType;
import fr.territoires.events.funding.ApplicationDecidedV1;
import fr.territoires.events.funding.ApplicationSubmittedV1;
import fr.territoires.funding.access.FundingAccess;
import fr.territoires.funding.envelope.MoneyRules;
import fr.territoires.replica.Territories;
import fr.territoires.funding.envelope.Envelope;
import fr.territoires.funding.envelope.EnvelopeState;
import fr.territoires.funding.reference.KnownReferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The application workflow; an approval commits its money in the same transaction. Callers hold it. */
@ApplicationScoped
public class ApplicationService {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final FundingAccess access;
    private final ApprovalCommitments commitments;
    private final Outbox outbox;
    private final KnownReferences references;

    public ApplicationService(FundingAccess access, ApprovalCommitments commitments, Outbox outbox,
            KnownReferences references) {
        this.access = access;
        this.commitments = commitments;
        this.outbox = outbox;
        this.references = references;
    }

    public Uni<Application> create(ApplicationRequests.NewApplication r, CallerScope caller) {
        List<ApplicationRules.Line> lines = r.plan().stream()
                .map(a -> new ApplicationRules.Line(a.envelopeId(), a.requested())).toList();
        ApplicationRules.checkPlan("plan", r.eligibleCost(), r.owner().localAuthority(), lines);
        return access.require(caller, r.territory(), FundingAccess.Action.APPLY)
                .invoke(t -> checkEligible(r.territory(), t))
                .call(t -> checkEnvelopes(lines, r.territory(), t == null ? List.of() : t.regions()))
                .call(t -> references.requireOwnedBy(r.territory(), r.actionSheetId(), r.recruitmentNeeds()))
                .chain(t -> {
                    Application app = new Application();
                    app.id = UUID.randomUUID();
                    app.territoryCode = r.territory();
                    app.actionSheetId = r.actionSheetId();
                    app.ownerSiret = r.owner().siret();
                    app.ownerName = r.owner().name().trim();
                    app.ownerLocalAuthority = r.owner().localAuthority();
                    app.title = r.title().trim();
                    app.description = r.description();
                    app.eligibleCost = r.eligibleCost();
                    app.jobsCreated = r.jobsCreated();
                    app.jobsKept = r.jobsKept();
                    app.privateInvestment = r.privateInvestment() == null ? BigDecimal.ZERO : r.privateInvestment();
                    app.recruitmentNeeds = r.recruitmentNeeds() == null ? new String[0]
                            : r.recruitmentNeeds().stream().distinct().map(UUID::toString).toArray(String[]::new);
                    app.status = Application.Status.DRAFT;
                    app.createdBy = caller.name();
                    app.updatedAt = dates.now();
                    List<ApplicationLine> rows = lines.stream().map(l -> {
                        ApplicationLine line = new ApplicationLine();
                        line.applicationId = app.id;
                        line.envelopeId = l.envelopeId();
                        line.requested = l.amount();
                        return line;
                    }).toList();
                    return Panache.getSession().chain(s -> s.persist(app).chain(() -> s.persistAll(rows.toArray()))
                            .chain(s::flush)).replaceWith(app);
                });
    }

    public Uni<Application> submit(UUID id, CallerScope caller) {
        return lock(id).call(app -> access.require(caller, app.territoryCode, FundingAccess.Action.APPLY)
                .invoke(t -> checkEligible(app.territoryCode, t)))
                .chain(app -> {
                    ApplicationRules.checkTransition(id, app.status, Application.Status.SUBMITTED);
                    app.status = Application.Status.SUBMITTED;
                    app.submittedAt = dates.now();
                    app.updatedAt = app.submittedAt;
                    return lines(id).chain(lines -> outbox.append(EventType.APPLICATION_SUBMITTED, app.territoryCode,
                            new ApplicationSubmittedV1(app.territoryCode, app.id, app.title, app.actionSheetId,
                                    app.ownerSiret, app.ownerLocalAuthority, app.eligibleCost,
                                    lines.stream().map(l -> new ApplicationSubmittedV1.Amount(l.envelopeId, l.requested))
                                            .toList(), app.jobsCreated, app.jobsKept, app.privateInvestment)))
                            .chain(() -> flush()).replaceWith(app);
                });
    }

    public Uni<Application> review(UUID id, CallerScope caller) {
        return lock(id).call(app -> access.require(caller, app.territoryCode, FundingAccess.Action.DECIDE)).chain(app -> {
            ApplicationRules.checkTransition(id, app.status, Application.Status.UNDER_REVIEW);
            app.status = Application.Status.UNDER_REVIEW;
            app.updatedAt = dates.now();
            return flush().replaceWith(app);
        });
    }

    public Uni<Application> withdraw(UUID id, String reason, CallerScope caller) {
        return lock(id).call(app -> access.require(caller, app.territoryCode, FundingAccess.Action.APPLY))
                .call(app -> lines(id).invoke(lines -> {
                    if (lines.stream().anyMatch(l -> l.approved != null)) {
                        throw ProblemException.conflict("application-partly-decided", "Application " + id
                                + " has lines already approved and committed by their funders: it cannot be withdrawn");
                    }
                })).chain(app -> {
            ApplicationRules.checkTransition(id, app.status, Application.Status.WITHDRAWN);
            app.status = Application.Status.WITHDRAWN;
            app.decisionReason = reason;
            app.updatedAt = dates.now();
            return flush().replaceWith(app);
        });
    }

    /**
     * A decision on an application of the caller's Region (or any, for the programme team), line by
     * line: each line of the plan is decided by the owner of its envelope (MoneyRules). An approval
     * decides every line the caller owns that is still open (amounts per envelope; a line not listed
     * gets 0; default what was asked) and commits them; the application is APPROVED once every line
     * is decided. A rejection refuses the whole application, by an owner of one of its lines, while
     * no line is decided yet.
     */
    public Uni<ApplicationView> decide(UUID id, ApplicationRequests.Decision d, CallerScope caller) {
        if (d.decision() != Application.Status.APPROVED && d.decision() != Application.Status.REJECTED) {
            throw ProblemException.invalid("decision", "must be APPROVED or REJECTED");
        }
        if (d.decision() == Application.Status.REJECTED && (d.reason() == null || d.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required to reject an application");
        }
        return lock(id).chain(app -> access.require(caller, app.territoryCode, FundingAccess.Action.DECIDE)
                .chain(territory -> lines(id).chain(lines -> envelopes(lines).chain(envelopes -> {
                    ApplicationRules.checkTransition(id, app.status, d.decision());
                    List<ApplicationLine> mine = lines.stream().filter(l -> owns(caller, envelopes.get(l.envelopeId)))
                            .toList();
                    if (mine.isEmpty()) {
                        Envelope first = envelopes.get(lines.get(0).envelopeId);
                        throw MoneyRules.notYourMoney(caller, first.id, first.name, first.funder, first.region, null);
                    }
                    app.decidedBy = caller.name();
                    app.decidedAt = dates.now();
                    app.updatedAt = app.decidedAt;
                    LocalDate today = dates.today();
                    if (d.decision() == Application.Status.REJECTED) {
                        if (lines.stream().anyMatch(l -> l.approved != null)) {
                            throw ProblemException.conflict("application-partly-decided", "Application " + id
                                    + " has lines already approved by their funders: approve your lines with 0 € instead");
                        }
                        app.status = Application.Status.REJECTED;
                        app.decisionReason = d.reason();
                        return outbox.append(EventType.APPLICATION_DECIDED, app.territoryCode, new ApplicationDecidedV1(
                                app.territoryCode, app.id, "REJECTED", d.reason(), null, today.toString()))
                                .chain(() -> flush()).map(done -> view(app, lines, envelopes));
                    }
                    return approve(app, territory, lines, envelopes, mine, d, today, caller);
                }))));
    }

    private Uni<ApplicationView> approve(Application app, Territories.Known territory, List<ApplicationLine> lines,
            Map<UUID, Envelope> envelopes, List<ApplicationLine> mine, ApplicationRequests.Decision d, LocalDate today,
            CallerScope caller) {
        Map<UUID, BigDecimal> requested = new LinkedHashMap<>();
        lines.forEach(l -> requested.put(l.envelopeId, l.requested));
        List<ApplicationRules.Line> given = d.plan() == null ? List.of()
                : d.plan().stream().map(a -> new ApplicationRules.Line(a.envelopeId(), a.approved())).toList();
        ApplicationRules.checkApproval(requested, given);
        for (int i = 0; i < given.size(); i++) {
            Envelope e = envelopes.get(given.get(i).envelopeId());
            if (!owns(caller, e)) {
                throw MoneyRules.notYourMoney(caller, e.id, e.name, e.funder, e.region, "plan[" + i + "].envelopeId");
            }
        }
        List<ApplicationLine> open = mine.stream().filter(l -> l.approved == null).toList();
        if (open.isEmpty()) {
            throw ProblemException.conflict("lines-already-decided", "Application " + app.id
                    + ": every line you own is already decided");
        }
        List<ApplicationRules.Line> decided = new ArrayList<>();
        for (ApplicationLine line : open) {
            line.approved = d.plan() == null ? line.requested : given.stream()
                    .filter(a -> a.envelopeId().equals(line.envelopeId)).map(ApplicationRules.Line::amount)
                    .findFirst().orElse(BigDecimal.ZERO);
            decided.add(new ApplicationRules.Line(line.envelopeId, line.approved));
        }
        // Lines still open count at what they ask: the plan holds whatever their owners decide.
        ApplicationRules.checkPlan("plan", app.eligibleCost, app.ownerLocalAuthority, lines.stream()
                .map(l -> new ApplicationRules.Line(l.envelopeId, l.approved == null ? l.requested : l.approved)).toList());
        List<String> regions = territory == null ? List.of() : territory.regions();
        boolean complete = lines.stream().allMatch(l -> l.approved != null);
        if (complete) {
            app.status = Application.Status.APPROVED;
            app.decisionReason = d.reason();
        }
        List<Outbox.Pending> decision = !complete ? List.of() : List.of(new Outbox.Pending(EventType.APPLICATION_DECIDED,
                app.territoryCode, new ApplicationDecidedV1(app.territoryCode, app.id, "APPROVED", d.reason(),
                        lines.stream().map(l -> new ApplicationSubmittedV1.Amount(l.envelopeId, l.approved)).toList(),
                        today.toString())));
        // The answer is read before the money moves: once an envelope is taken, nothing but its events and the
        // commit stand between its lock and its release (CommitmentService).
        return flush().map(done -> view(app, lines, envelopes))
                .call(view -> commitments.commit(app, regions, decided, today, caller.name(), decision));
    }

    /** The answer from what the decision has in hand, flushed (its version is the new one). */
    private static ApplicationView view(Application app, List<ApplicationLine> lines, Map<UUID, Envelope> envelopes) {
        Map<UUID, String> names = new LinkedHashMap<>();
        envelopes.forEach((id, e) -> names.put(id, e.name));
        return ApplicationView.of(app, lines, names);
    }

    private static boolean owns(CallerScope caller, Envelope e) {
        return MoneyRules.ownsEnvelope(caller, e.funder, e.region);
    }

    private static Uni<Map<UUID, Envelope>> envelopes(List<ApplicationLine> lines) {
        return Panache.getSession().chain(s -> s.createQuery("from Envelope where id in :ids", Envelope.class)
                .setParameter("ids", lines.stream().map(l -> l.envelopeId).toList()).getResultList())
                .map(list -> {
                    Map<UUID, Envelope> byId = new LinkedHashMap<>();
                    list.forEach(e -> byId.put(e.id, e));
                    return byId;
                });
    }

    /** Open applications of a territory that left the programme are flagged for their deciders. */
    public Uni<Integer> flagTerritoryLeft(String territory) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE application SET territory_left = TRUE, version = version + 1, updated_at = now()
                WHERE territory_code = :code AND status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW') AND NOT territory_left""")
                .setParameter("code", territory).executeUpdate());
    }

    public static Uni<List<ApplicationLine>> lines(UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                "from ApplicationLine where applicationId = :id order by envelopeId", ApplicationLine.class)
                .setParameter("id", id).getResultList());
    }

    private static Uni<Application> lock(UUID id) {
        return Panache.getSession().chain(s -> s.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE)).map(app -> {
            if (app == null) {
                throw ProblemException.notFound("Application " + id);
            }
            return app;
        });
    }

    private static void checkEligible(String code, Territories.Known t) {
        if (t == null) {
            throw ProblemException.invalid("territory", "is not a territory known to funding-service (from territory events)");
        }
        if (!t.labelled()) {
            throw ProblemException.conflict("territory-not-eligible", "Territory " + code + " is " + t.status()
                    + ": only labelled territories apply for funding");
        }
    }

    /**
     * Every envelope of the plan exists (400 naming {@code plan[i].envelopeId} otherwise) and may fund
     * the territory: one scoped to another Region or to other territories is a 403 naming the line
     * (issue 14: an application draws only on money meant for its territory).
     */
    private static Uni<Void> checkEnvelopes(List<ApplicationRules.Line> lines, String territory, List<String> regions) {
        List<UUID> ids = lines.stream().map(ApplicationRules.Line::envelopeId).toList();
        return Panache.getSession().chain(s -> s.createQuery("from Envelope where id in :ids", Envelope.class)
                .setParameter("ids", ids).getResultList()).invoke(found -> {
                    Map<UUID, Envelope> byId = new java.util.HashMap<>();
                    found.forEach(e -> byId.put(e.id, e));
                    List<Problem.FieldError> unknown = new ArrayList<>();
                    List<Problem.FieldError> elsewhere = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        Envelope e = byId.get(ids.get(i));
                        String field = "plan[" + i + "].envelopeId";
                        if (e == null) {
                            unknown.add(new Problem.FieldError(field, "is not an envelope"));
                        } else if (!EnvelopeState.covers(e.scope, e.scopeRegion, List.of(e.scopeTerritories), territory,
                                regions)) {
                            elsewhere.add(new Problem.FieldError(field, "envelope " + e.name + " does not fund territory "
                                    + territory + " (scope " + e.scope + (e.scopeRegion == null ? "" : " " + e.scopeRegion)
                                    + ")"));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw new ProblemException(Problem.validation("Unknown envelope", unknown));
                    }
                    if (!elsewhere.isEmpty()) {
                        throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "envelope-out-of-scope"),
                                "Forbidden", 403, "The plan draws on an envelope that is not meant for territory " + territory,
                                null, elsewhere));
                    }
                }).replaceWithVoid();
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

    /**
     * Views of applications with their plans: two queries for the whole list (the lines, then the
     * envelopes' names), whatever its length.
     */
    static Uni<List<ApplicationView>> views(List<Application> applications) {
        if (applications.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = applications.stream().map(a -> a.id).toList();
        return Panache.getSession().chain(s -> s.createQuery(
                "from ApplicationLine where applicationId in :ids order by applicationId, envelopeId", ApplicationLine.class)
                .setParameter("ids", ids).getResultList()
                .chain(lines -> s.createQuery("select id, name from Envelope where id in :ids", Object[].class)
                        .setParameter("ids", lines.stream().map(l -> l.envelopeId).distinct().toList()).getResultList()
                        .map(rows -> {
                            Map<UUID, String> names = new LinkedHashMap<>();
                            rows.forEach(r -> names.put((UUID) r[0], (String) r[1]));
                            return applications.stream().map(a -> ApplicationView.of(a, lines.stream()
                                    .filter(l -> l.applicationId.equals(a.id)).toList(), names)).toList();
                        })));
    }
}
