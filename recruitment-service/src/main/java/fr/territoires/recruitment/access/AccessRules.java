package fr.territoires.recruitment.access;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.util.Set;

/**
 * Who may see and change companies and their needs (DESIGN.md §4, issue #6), as plain rules:
 * <ul>
 * <li>programme-admin: everything;</li>
 * <li>company: declares and updates the needs of its own SIREN (claim {@code siren}), any of its
 * establishments;</li>
 * <li>territory-manager: manages and sees the companies and needs of its territories (claim
 * {@code territories});</li>
 * <li>region-officer: reads the companies and needs located in its region (claim {@code region}),
 * from the commune of the establishment;</li>
 * <li>partner: reads everything.</li>
 * </ul>
 * A caller may hold several roles: each one adds what it allows.
 */
public final class AccessRules {

    /** Where a company or a need is and whose it is, for the rules. */
    public record Holder(String siren, String territory, String region) {
    }

    private AccessRules() {
    }

    public static boolean mayManage(CallerScope caller, Holder h) {
        return caller.isProgrammeAdmin() || ownCompany(caller, h) || caller.managesTerritory(h.territory());
    }

    public static boolean mayRead(CallerScope caller, Holder h) {
        return mayManage(caller, h) || caller.has(CallerScope.PARTNER)
                || (caller.has(CallerScope.REGION_OFFICER) && caller.region() != null && caller.region().equals(h.region()));
    }

    /** What a list shows the caller: everything, or the union of its scopes. */
    public static Visibility visibility(CallerScope caller) {
        if (caller.isProgrammeAdmin() || caller.has(CallerScope.PARTNER)) {
            return Visibility.ALL;
        }
        Set<String> regions = caller.has(CallerScope.REGION_OFFICER) && caller.region() != null
                ? Set.of(caller.region()) : Set.of();
        Set<String> territories = caller.has(CallerScope.TERRITORY_MANAGER) ? Set.copyOf(caller.territories()) : Set.of();
        Set<String> sirens = caller.has(CallerScope.COMPANY) && caller.siren() != null ? Set.of(caller.siren()) : Set.of();
        return new Visibility(false, regions, territories, sirens);
    }

    /** A 403 problem+json that says which scope the caller has. */
    public static ProblemException forbidden(CallerScope caller, String action) {
        StringBuilder scope = new StringBuilder();
        if (caller.has(CallerScope.COMPANY)) {
            scope.append(" (SIREN ").append(caller.siren()).append(')');
        }
        if (caller.has(CallerScope.TERRITORY_MANAGER)) {
            scope.append(" (territories ").append(caller.territories()).append(')');
        }
        if (caller.has(CallerScope.REGION_OFFICER)) {
            scope.append(" (region ").append(caller.region()).append(')');
        }
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                "Your role or scope" + scope + " does not allow you to " + action));
    }

    private static boolean ownCompany(CallerScope caller, Holder h) {
        return caller.has(CallerScope.COMPANY) && caller.siren() != null && caller.siren().equals(h.siren());
    }
}
