package fr.territoires.recruitment.need;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.recruitment.Checks;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.recruitment.access.AccessRules;
import fr.territoires.recruitment.company.Company;
import fr.territoires.recruitment.company.CompanyRepository;
import fr.territoires.recruitment.funding.FundedActions;
import fr.territoires.recruitment.reference.ReferenceData;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Recruitment needs: declared, changed, filled, cancelled and expired, each change announced. */
@ApplicationScoped
public class NeedService {

    /** A need with its company, and, for one need read alone, the actions funded for it. */
    public record Detailed(RecruitmentNeed need, Company company, List<FundedActions.FundedAction> fundedActions) {
    }

    /** Who expires needs, as their history records it. */
    static final String EXPIRY_ACTOR = "recruitment-service (deadline passed)";

    private final RecruitmentNeedRepository needs;
    private final CompanyRepository companies;
    private final Territories territories;
    private final ReferenceData reference;
    private final NeedEvents events;
    private final FundedActions funded;
    private final Validator validator;
    private final BusinessDates today;

    public NeedService(RecruitmentNeedRepository needs, CompanyRepository companies, Territories territories,
            ReferenceData reference, NeedEvents events, FundedActions funded, Validator validator, BusinessDates today) {
        this.needs = needs;
        this.companies = companies;
        this.territories = territories;
        this.reference = reference;
        this.events = events;
        this.funded = funded;
        this.validator = validator;
        this.today = today;
    }

    @WithSession
    public Uni<Page<Detailed>> list(CallerScope caller, NeedSearch search, PageRequest page) {
        var visibility = AccessRules.visibility(caller);
        if (visibility.none()) {
            return Uni.createFrom().item(Page.of(List.of(), page, 0));
        }
        return Pages.read(needs.visible(visibility, search), page).chain(p -> {
            Set<String> sirets = p.items().stream().map(n -> n.siret).collect(Collectors.toSet());
            Uni<List<Company>> owners = sirets.isEmpty() ? Uni.createFrom().item(List.of())
                    : companies.list("siret in ?1", List.copyOf(sirets));
            return owners.map(list -> {
                Map<String, Company> bySiret = list.stream().collect(Collectors.toMap(c -> c.siret, Function.identity()));
                return p.map(n -> new Detailed(n, bySiret.get(n.siret), null));
            });
        });
    }

    @WithSession
    public Uni<Detailed> get(String id, CallerScope caller) {
        return find(id).chain(n -> {
            if (!AccessRules.mayRead(caller, n.holder())) {
                throw AccessRules.forbidden(caller, "read need " + id);
            }
            return companies.findById(n.siret)
                    .chain(c -> funded.ofNeed(n.id).map(actions -> new Detailed(n, c, actions)));
        });
    }

    @WithTransaction
    public Uni<Detailed> declare(NeedRequest request, CallerScope caller) {
        return declareInCurrentTransaction(request, caller, today.today());
    }

    /** For callers that hold the transaction (bulk declaration, demo data); {@code on} is the declaration day. */
    public Uni<Detailed> declareInCurrentTransaction(NeedRequest request, CallerScope caller, LocalDate on) {
        List<Problem.FieldError> missing = request.siret() == null
                ? List.of(new Problem.FieldError("siret", "must not be null")) : List.of();
        Checks.failIfAny(missing, Checks.violations(validator, request), NeedRules.problems(request, on, null));
        return companies.findById(request.siret()).chain(company -> {
            if (company == null) {
                throw ProblemException.invalid("siret", "is not a registered company; register it first at "
                        + "/api/recruitment/companies");
            }
            // Where the establishment is counts today, even for a need recorded as declared earlier.
            return placeOf(company, today.today()).chain(territory -> {
                RecruitmentNeed n = new RecruitmentNeed();
                n.id = UUID.randomUUID();
                n.siret = company.siret;
                n.siren = company.siren;
                n.territoryCode = territory;
                ReferenceData.Commune commune = reference.commune(company.commune).orElseThrow();
                n.commune = commune.code();
                n.departement = commune.departement();
                n.region = commune.region();
                n.epci = commune.epci();
                n.declaredOn = on;
                n.filledCount = 0;
                if (!AccessRules.mayManage(caller, n.holder())) {
                    throw AccessRules.forbidden(caller, "declare needs for company " + company.siret);
                }
                apply(n, request);
                n.status = NeedRules.statusFor(n.filledCount, n.headcount);
                n.closedOn = n.status.open() ? null : on;
                n.editedBy(caller.name());
                return Panache.getSession().chain(s -> s.persist(n).chain(s::flush))
                        .chain(() -> events.record(NeedEvents.Kind.PUBLISHED, n, company, on, null, null, caller.name()))
                        .replaceWith(new Detailed(n, company, List.of()));
            });
        });
    }

    @WithTransaction
    public Uni<Detailed> replace(String id, NeedRequest request, Long expectedVersion, CallerScope caller) {
        return replaceInCurrentTransaction(id, request, expectedVersion, caller, today.today());
    }

    public Uni<Detailed> replaceInCurrentTransaction(String id, NeedRequest request, Long expectedVersion,
            CallerScope caller, LocalDate on) {
        return find(id).chain(n -> {
            if (!AccessRules.mayManage(caller, n.holder())) {
                throw AccessRules.forbidden(caller, "change need " + id);
            }
            IfMatch.require(expectedVersion, n.version, "Need " + id);
            requireOpen(n);
            if (NeedRules.isDue(n, on) && request.deadline() != null && request.deadline().equals(n.deadline)) {
                // Its expiry is due (the job has not run yet): record it as expired, not as changed after.
                throw ProblemException.conflict("need-past-deadline", "Need " + id + " passed its deadline "
                        + n.deadline + " and expires; give a new deadline to keep it open, or declare a new need");
            }
            List<Problem.FieldError> siret = request.siret() != null && !request.siret().equals(n.siret)
                    ? List.of(new Problem.FieldError("siret", "cannot change; declare a new need for the other company"))
                    : List.of();
            Checks.failIfAny(siret, Checks.violations(validator, request), NeedRules.problems(request, on, n));
            RecruitmentNeed.Status previous = n.status;
            List<Object> before = snapshot(n);
            apply(n, request);
            n.status = NeedRules.statusFor(n.filledCount, n.headcount);
            List<String> changed = changes(before, snapshot(n));
            if (changed.isEmpty()) {
                return companies.findById(n.siret).map(c -> new Detailed(n, c, null));
            }
            n.editedBy(caller.name());
            NeedEvents.Kind kind = n.status == RecruitmentNeed.Status.FILLED ? NeedEvents.Kind.FILLED : NeedEvents.Kind.UPDATED;
            if (kind == NeedEvents.Kind.FILLED) {
                n.closedOn = on;
            }
            return Panache.getSession().chain(s -> s.flush()).chain(() -> companies.findById(n.siret))
                    .call(c -> events.record(kind, n, c, on, changed, previous, caller.name()))
                    .map(c -> new Detailed(n, c, null));
        });
    }

    @WithTransaction
    public Uni<Detailed> cancel(String id, String reason, Long expectedVersion, CallerScope caller) {
        return cancelInCurrentTransaction(id, reason, expectedVersion, caller, today.today());
    }

    public Uni<Detailed> cancelInCurrentTransaction(String id, String reason, Long expectedVersion, CallerScope caller,
            LocalDate on) {
        if (reason != null && reason.length() > 1000) {
            throw ProblemException.invalid("reason", "must be at most 1000 characters");
        }
        return find(id).chain(n -> {
            if (!AccessRules.mayManage(caller, n.holder())) {
                throw AccessRules.forbidden(caller, "cancel need " + id);
            }
            IfMatch.check(expectedVersion, n.version, "Need " + id);
            requireOpen(n);
            RecruitmentNeed.Status previous = n.status;
            n.status = RecruitmentNeed.Status.CANCELLED;
            n.closedOn = on;
            n.cancelReason = reason == null || reason.isBlank() ? null : reason.trim();
            n.editedBy(caller.name());
            return Panache.getSession().chain(s -> s.flush()).chain(() -> companies.findById(n.siret))
                    .call(c -> events.record(NeedEvents.Kind.CANCELLED, n, c, on, null, previous, caller.name()))
                    .map(c -> new Detailed(n, c, null));
        });
    }

    /**
     * Expires every open need whose deadline is before {@code today}, in one transaction, each with
     * its event; a need counts as expired from the day after its deadline. Returns their ids.
     */
    @WithTransaction
    public Uni<List<UUID>> expireDue(LocalDate today) {
        return needs.dueForExpiry(today).chain(due -> {
            List<UUID> expired = new ArrayList<>();
            // Needs of many territories: their territories' event locks first, in code order.
            Uni<Void> chain = events.lockTerritories(due.stream().map(n -> n.territoryCode)
                    .filter(java.util.Objects::nonNull).toList());
            for (RecruitmentNeed n : due) {
                chain = chain.chain(() -> companies.findById(n.siret)).chain(company -> {
                    RecruitmentNeed.Status previous = n.status;
                    LocalDate on = n.deadline.plusDays(1);
                    n.status = RecruitmentNeed.Status.EXPIRED;
                    n.closedOn = on;
                    n.editedBy(EXPIRY_ACTOR);
                    expired.add(n.id);
                    return Panache.getSession().chain(s -> s.flush())
                            .chain(() -> events.record(NeedEvents.Kind.EXPIRED, n, company, on, null, previous, EXPIRY_ACTOR));
                });
            }
            return chain.replaceWith(expired);
        });
    }

    /** In the caller's session; a malformed id is a need that does not exist. */
    public Uni<RecruitmentNeed> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Need " + id);
        }
        return needs.findById(uuid).map(n -> {
            if (n == null) {
                throw ProblemException.notFound("Need " + id);
            }
            return n;
        });
    }

    /**
     * The territory a need of this company is declared in: the company's own if its commune is still
     * in it, else the one labelled territory that holds the commune now.
     */
    private Uni<String> placeOf(Company company, LocalDate on) {
        return territories.labelledContaining(company.commune, on).map(candidates -> {
            if (candidates.contains(company.territoryCode)) {
                return company.territoryCode;
            }
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            throw ProblemException.invalid("siret", candidates.isEmpty()
                    ? "the company's commune " + company.commune + " is no longer in a labelled territory"
                    : "the company's commune " + company.commune + " now lies in " + String.join(" and ", candidates)
                            + ": update the company's territory first");
        });
    }

    private static void requireOpen(RecruitmentNeed n) {
        if (!n.status.open()) {
            throw ProblemException.conflict("need-closed", "Need " + n.id + " is " + n.status
                    + " since " + n.closedOn + "; declare a new need instead");
        }
    }

    private static void apply(RecruitmentNeed n, NeedRequest r) {
        n.romeCode = r.romeCode();
        n.jobTitle = r.jobTitle().trim();
        n.headcount = r.headcount();
        if (r.filledCount() != null) {
            n.filledCount = r.filledCount();
        }
        n.contractType = r.contractType();
        n.qualificationLevel = r.qualificationLevel();
        n.skills = r.skills() == null ? new String[0] : r.skills().stream().map(String::trim).toArray(String[]::new);
        n.workStudy = r.workStudy();
        n.startDate = r.startDate();
        n.deadline = r.deadline();
        n.hoursPerWeek = r.hoursPerWeek();
        n.difficult = r.difficult();
        n.difficultyReasons = r.difficultyReasons() == null ? new String[0]
                : r.difficultyReasons().stream().sorted().map(Enum::name).toArray(String[]::new);
        n.difficultyComment = r.difficultyComment() == null || r.difficultyComment().isBlank() ? null
                : r.difficultyComment().trim();
    }

    static final List<String> FIELDS = List.of("romeCode", "jobTitle", "headcount", "filledCount", "contractType",
            "qualificationLevel", "skills", "workStudy", "startDate", "deadline", "hoursPerWeek", "difficult",
            "difficultyReasons", "difficultyComment", "status");

    private static List<Object> snapshot(RecruitmentNeed n) {
        return Arrays.asList(n.romeCode, n.jobTitle, n.headcount, n.filledCount, n.contractType, n.qualificationLevel,
                List.of(n.skills), n.workStudy, n.startDate, n.deadline,
                n.hoursPerWeek == null ? null : n.hoursPerWeek.stripTrailingZeros(), n.difficult,
                List.of(n.difficultyReasons), n.difficultyComment, n.status);
    }

    private static List<String> changes(List<Object> before, List<Object> after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!Objects.equals(before.get(i), after.get(i))) {
                changed.add(FIELDS.get(i));
            }
        }
        return changed;
    }
}
