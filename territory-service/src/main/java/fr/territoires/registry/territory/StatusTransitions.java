package fr.territoires.registry.territory;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryStatus;
import java.util.Map;
import java.util.Set;

/**
 * Which status changes the programme allows. A candidate is labelled or withdraws; a labelled
 * territory may leave; a territory that left may be labelled again in a later phase.
 */
public final class StatusTransitions {

    private static final Map<TerritoryStatus, Set<TerritoryStatus>> ALLOWED = Map.of(
            TerritoryStatus.CANDIDATE, Set.of(TerritoryStatus.LABELLED, TerritoryStatus.LEFT),
            TerritoryStatus.LABELLED, Set.of(TerritoryStatus.LEFT),
            TerritoryStatus.LEFT, Set.of(TerritoryStatus.LABELLED));

    private StatusTransitions() {
    }

    public static boolean allowed(TerritoryStatus from, TerritoryStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** A 409 problem naming both statuses when the change is not allowed. */
    public static void check(String code, TerritoryStatus from, TerritoryStatus to) {
        if (!allowed(from, to)) {
            throw ProblemException.conflict("status-transition-not-allowed",
                    "Territory " + code + " cannot go from " + from + " to " + to);
        }
    }

    /** A new territory enters the registry as a candidate or already labelled, never as having left. */
    public static void checkInitial(TerritoryStatus status) {
        if (status == TerritoryStatus.LEFT) {
            throw ProblemException.invalid("status", "a new territory is CANDIDATE or LABELLED");
        }
    }
}
