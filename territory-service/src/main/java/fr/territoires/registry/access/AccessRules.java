package fr.territoires.registry.access;

import fr.territoires.commons.access.CallerScope;
import java.util.Collection;

/**
 * Who may change what in the registry (DESIGN.md §4), as plain rules:
 * <ul>
 * <li>programme-admin: everything;</li>
 * <li>region-officer: manages the territories of its region — a territory is in a region when its
 * perimeter today has communes there (derived, never typed);</li>
 * <li>territory-manager: edits the content of its own territories (governance, profile, action
 * sheets, sites), never their perimeter or status;</li>
 * <li>everyone else reads.</li>
 * </ul>
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** Status, perimeter, name and phases: the programme's decisions. */
    public static boolean mayManage(CallerScope caller, Collection<String> territoryRegions) {
        return caller.isProgrammeAdmin() || caller.isOfficerOfAny(territoryRegions);
    }

    /** Governance, industrial profile, action sheets and sites: the territory's own work. */
    public static boolean mayEditContent(CallerScope caller, String code, Collection<String> territoryRegions) {
        return mayManage(caller, territoryRegions) || caller.managesTerritory(code);
    }

    /**
     * A region-officer may bring an EPCI into a perimeter only if the EPCI has communes in its own
     * region (the regional committee approves perimeter changes for its region, not another's).
     */
    public static boolean mayAddEpci(CallerScope caller, Collection<String> epciRegions) {
        return caller.isProgrammeAdmin() || caller.isOfficerOfAny(epciRegions);
    }
}
