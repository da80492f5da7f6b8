package fr.territoires.recruitment.company;

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
import fr.territoires.recruitment.reference.ReferenceData;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.List;

/** Companies: registered with checked codes, in a labelled territory, managed within the caller's scope. */
@ApplicationScoped
public class CompanyService {

    private final CompanyRepository companies;
    private final Territories territories;
    private final ReferenceData reference;
    private final Validator validator;
    private final BusinessDates today;

    public CompanyService(CompanyRepository companies, Territories territories, ReferenceData reference,
            Validator validator, BusinessDates today) {
        this.companies = companies;
        this.territories = territories;
        this.reference = reference;
        this.validator = validator;
        this.today = today;
    }

    @WithSession
    public Uni<Page<Company>> list(CallerScope caller, String territory, PageRequest page) {
        var visibility = AccessRules.visibility(caller);
        if (visibility.none()) {
            return Uni.createFrom().item(Page.of(List.of(), page, 0));
        }
        return Pages.read(companies.visible(visibility, territory), page);
    }

    @WithSession
    public Uni<Company> get(String siret, CallerScope caller) {
        return find(siret).map(c -> {
            if (!AccessRules.mayRead(caller, c.holder())) {
                throw AccessRules.forbidden(caller, "read company " + siret);
            }
            return c;
        });
    }

    @WithTransaction
    public Uni<Company> register(CompanyRequest request, CallerScope caller) {
        return registerInCurrentTransaction(request, caller);
    }

    /** For callers that hold the transaction already (the bulk declaration, the demo data). */
    public Uni<Company> registerInCurrentTransaction(CompanyRequest request, CallerScope caller) {
        Checks.failIfAny(Checks.violations(validator, request), CompanyRules.problems(request, reference));
        return placement(request).chain(territory -> {
            Company company = new Company();
            company.siret = request.siret();
            company.siren = request.siret().substring(0, 9);
            apply(company, request, territory, caller.name());
            if (!AccessRules.mayManage(caller, company.holder())) {
                throw AccessRules.forbidden(caller, "register company " + company.siret + " in " + territory);
            }
            return companies.findById(company.siret).chain(existing -> {
                if (existing != null) {
                    throw ProblemException.conflict("company-exists", "Company " + company.siret
                            + " is already registered; change it with PUT /api/recruitment/companies/" + company.siret);
                }
                return Panache.getSession().chain(s -> s.persist(company).chain(s::flush)).replaceWith(company);
            });
        });
    }

    @WithTransaction
    public Uni<Company> replace(String siret, CompanyRequest request, Long expectedVersion, CallerScope caller) {
        if (request.siret() != null && !request.siret().equals(siret)) {
            throw ProblemException.invalid("siret", "cannot change; register the other establishment as a company");
        }
        CompanyRequest r = new CompanyRequest(siret, request.name(), request.nafCode(), request.commune(),
                request.sizeBand(), request.territory());
        Checks.failIfAny(Checks.violations(validator, r), CompanyRules.problems(r, reference));
        return find(siret).chain(company -> {
            if (!AccessRules.mayManage(caller, company.holder())) {
                throw AccessRules.forbidden(caller, "change company " + siret);
            }
            IfMatch.require(expectedVersion, company.version, "Company " + siret);
            return placement(r).map(territory -> {
                apply(company, r, territory, caller.name());
                if (!AccessRules.mayManage(caller, company.holder())) {
                    throw AccessRules.forbidden(caller, "move company " + siret + " to " + territory);
                }
                return company;
            }).call(() -> Panache.getSession().chain(s -> s.flush()));
        });
    }

    /** The labelled territory the commune lies in today; a 400 naming the field otherwise. */
    public Uni<String> placement(CompanyRequest r) {
        return territories.labelledContaining(r.commune(), today.today()).map(candidates -> {
            CompanyRules.Placement p = CompanyRules.place(r.commune(), r.territory(), candidates);
            if (p.error() != null) {
                throw new ProblemException(Problem.validation(p.error().field() + ": " + p.error().message(),
                        List.of(p.error())));
            }
            return p.territory();
        });
    }

    /** In the caller's session. */
    public Uni<Company> find(String siret) {
        return companies.findById(siret).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Company " + siret);
            }
            return c;
        });
    }

    private void apply(Company company, CompanyRequest r, String territory, String actor) {
        company.name = r.name().trim();
        company.nafCode = r.nafCode();
        company.commune = r.commune();
        company.territoryCode = territory;
        company.region = reference.commune(r.commune()).orElseThrow().region();
        company.sizeBand = r.sizeBand();
        company.editedBy(actor);
    }
}
