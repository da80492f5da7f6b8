package fr.territoires.registry.governance;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.events.territory.TerritoryUpdatedV1;
import fr.territoires.registry.access.TerritoryAccess;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.territory.TerritoryService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * A territory's governance: the binôme and project lead (editable by the territory's team), the
 * committees' meetings and the contract's documents (the regional ones by the Region or the
 * programme team). Each change publishes territory.updated.v1 in the same transaction.
 */
@ApplicationScoped
public class GovernanceService {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final TerritoryAccess access;
    private final TerritoryService territories;

    public GovernanceService(TerritoryAccess access, TerritoryService territories) {
        this.access = access;
        this.territories = territories;
    }

    @WithSession
    public Uni<GovernanceView> view(String code) {
        return access.requireExists(code).chain(() -> currentView(code));
    }

    @WithTransaction
    public Uni<GovernanceView> replace(String code, GovernanceRequests.GovernanceUpdate update, Long expectedVersion,
            CallerScope caller) {
        // Under the territory's lock: two first replaces at once would both find nothing and both insert (the
        // second a duplicate key, a 500); locked, the second finds the first's record and needs its If-Match.
        return access.requireEditor(caller, code).call(() -> access.lock(code)).chain(territory -> Panache.getSession()
                .chain(s -> s.find(Governance.class, code).chain(existing -> {
                    Governance g = existing;
                    if (g == null) {
                        g = new Governance();
                        g.territoryCode = code;
                    } else {
                        IfMatch.require(expectedVersion, g.version, "Governance of " + code);
                    }
                    apply(g, update, caller.name());
                    Governance saved = g;
                    return (existing == null ? s.persist(saved) : Uni.createFrom().voidItem()).chain(s::flush)
                            .chain(() -> territories.announceUpdate(territory, List.of("governance"),
                                    e -> e.withGovernance(GovernanceView.event(saved))));
                })))
                .chain(() -> currentView(code));
    }

    @WithTransaction
    public Uni<GovernanceView.Meeting> recordMeeting(String code, GovernanceRequests.NewMeeting request, CallerScope caller) {
        MeetingRules.check(request.heldOn(), request.decisions(), dates.today());
        // The regional steering committee is the Region's: only its officer or the programme team record it.
        Uni<Territory> allowed = request.committee() == CommitteeMeeting.Committee.REGIONAL_STEERING
                ? access.requireManager(caller, code) : access.requireEditor(caller, code);
        return allowed.chain(territory -> {
            CommitteeMeeting m = new CommitteeMeeting();
            m.territoryCode = code;
            m.committee = request.committee();
            m.heldOn = request.heldOn();
            m.place = request.place();
            m.chairedBy = request.chairedBy();
            m.decisions = request.decisions() == null ? new String[0] : request.decisions().toArray(String[]::new);
            m.recordedBy = caller.name();
            return Panache.getSession().chain(s -> s.persist(m).chain(s::flush))
                    .chain(() -> territories.announceUpdate(territory, List.of("committee-meeting"),
                            e -> e.withCommitteeMeeting(new TerritoryUpdatedV1.CommitteeMeeting(m.committee.name(),
                                    m.heldOn.toString(), List.of(m.decisions)))))
                    .map(t -> GovernanceView.Meeting.of(m));
        });
    }

    @WithTransaction
    public Uni<GovernanceView.Document> recordContractDocument(String code, GovernanceRequests.NewContractDocument request,
            CallerScope caller) {
        return access.requireManager(caller, code).call(() -> access.lock(code))
                .chain(territory -> documents(code).chain(recorded -> {
                    ContractRules.check(request.kind(), request.signedOn(), request.endsOn(), dates.today(), recorded.stream()
                            .map(d -> new ContractRules.Signed(d.kind, d.signedOn)).toList());
                    ContractDocument d = new ContractDocument();
                    d.territoryCode = code;
                    d.kind = request.kind();
                    d.reference = request.reference();
                    d.title = request.title().trim();
                    d.signedOn = request.signedOn();
                    d.endsOn = request.endsOn();
                    d.signatories = request.signatories().toArray(String[]::new);
                    d.summary = request.summary();
                    d.recordedBy = caller.name();
                    return Panache.getSession().chain(s -> s.persist(d).chain(s::flush))
                            .chain(() -> territories.announceUpdate(territory, List.of("contract"),
                                    e -> e.withContractDocument(new TerritoryUpdatedV1.ContractDocument(d.kind.name(),
                                            d.reference, d.signedOn.toString(), List.of(d.signatories)))))
                            .map(t -> GovernanceView.Document.of(d));
                }));
    }

    private static void apply(Governance g, GovernanceRequests.GovernanceUpdate u, String actor) {
        var elected = u.electedOfficial();
        g.electedName = elected == null ? null : elected.name().trim();
        g.electedOffice = elected == null ? null : elected.role();
        g.electedOrganisation = elected == null ? null : elected.organisation();
        var industrialist = u.industrialist();
        g.industrialistName = industrialist == null ? null : industrialist.name().trim();
        g.industrialistPosition = industrialist == null ? null : industrialist.role();
        g.industrialistCompany = industrialist == null ? null : industrialist.organisation();
        g.industrialistSiren = industrialist == null ? null : industrialist.siren();
        var lead = u.projectLead();
        g.projectLeadName = lead == null ? null : lead.name().trim();
        g.projectLeadEmployer = lead == null ? null : lead.employer();
        g.projectLeadSince = lead == null ? null : lead.since();
        g.projectLeadFunders = u.projectLeadFunders() == null ? new String[0]
                : u.projectLeadFunders().stream().map(String::trim).distinct().toArray(String[]::new);
        g.editedBy(actor);
    }

    private Uni<GovernanceView> currentView(String code) {
        return Panache.getSession().chain(s -> s.find(Governance.class, code)
                .chain(g -> s.createQuery("from CommitteeMeeting where territoryCode = :code order by heldOn, id",
                        CommitteeMeeting.class).setParameter("code", code).getResultList()
                        .chain(meetings -> documents(code)
                                .map(docs -> GovernanceView.of(code, g, meetings, docs)))));
    }

    private static Uni<List<ContractDocument>> documents(String code) {
        return Panache.getSession().chain(s -> s.createQuery(
                "from ContractDocument where territoryCode = :code order by signedOn, id", ContractDocument.class)
                .setParameter("code", code).getResultList());
    }
}
