package fr.territoires.funding.access;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.funding.envelope.Envelope;
import java.util.Collection;

/**
 * Who may do what with the programme's money (DESIGN.md §4), as plain rules. A territory's regions
 * come from its perimeter (territory events), an envelope's from its funder.
 */
public final class FundingAccessRules {

    private FundingAccessRules() {
    }

    /** Open, change, freeze or close an envelope: the programme team, or a Region for its own envelopes. */
    public static boolean mayManageEnvelope(CallerScope caller, Envelope.Funder funder, String region) {
        return caller.isProgrammeAdmin()
                || (funder == Envelope.Funder.REGION && region != null && caller.isOfficerOfAny(java.util.List.of(region)));
    }

    /** Prepare, submit or withdraw an application: the territory's manager, its Region, the programme team. */
    public static boolean mayApply(CallerScope caller, String territory, Collection<String> territoryRegions) {
        return caller.isProgrammeAdmin() || caller.isOfficerOfAny(territoryRegions) || caller.managesTerritory(territory);
    }

    /** Review, approve, reject, pay, decommit, reverse: the territory's Region or the programme team. */
    public static boolean mayDecide(CallerScope caller, Collection<String> territoryRegions) {
        return caller.isProgrammeAdmin() || caller.isOfficerOfAny(territoryRegions);
    }

    /** Read a territory's applications and commitments: those who may apply, and partners. */
    public static boolean mayRead(CallerScope caller, String territory, Collection<String> territoryRegions) {
        return mayApply(caller, territory, territoryRegions) || caller.has(CallerScope.PARTNER);
    }
}
