package fr.territoires.funding.access;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.replica.Territories;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Applies {@link FundingAccessRules} to a territory known from territory events; 403 problem+json otherwise. */
@ApplicationScoped
public class FundingAccess {

    public enum Action { APPLY, DECIDE, READ }

    private final Territories territories;
    private final BusinessDates dates;

    public FundingAccess(Territories territories, BusinessDates dates) {
        this.territories = territories;
        this.dates = dates;
    }

    /** The territory as the replica knows it today (null if unknown), once the caller may act on it. */
    public Uni<Territories.Known> require(CallerScope caller, String territory, Action action) {
        return territories.find(territory, dates.today()).map(found -> found.orElse(null)).map(t -> {
            List<String> regions = t == null ? List.of() : t.regions();
            boolean allowed = switch (action) {
                case APPLY -> FundingAccessRules.mayApply(caller, territory, regions);
                case DECIDE -> FundingAccessRules.mayDecide(caller, regions);
                case READ -> FundingAccessRules.mayRead(caller, territory, regions);
            };
            if (!allowed) {
                throw forbidden(caller, "territory " + territory);
            }
            return t;
        });
    }

    public static ProblemException forbidden(CallerScope caller, String what) {
        String scope = caller.scopeForMessages();
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                "Your role or scope" + scope + " does not allow this operation on " + what));
    }
}
