package fr.territoires.registry.actionsheet;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.actionsheet.ActionSheet.Status;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * An action sheet goes idea → in progress → done, and may be abandoned before it is done; done
 * and abandoned are final. Its end date is not before its start date.
 */
public final class ActionSheetRules {

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.IDEA, Set.of(Status.IN_PROGRESS, Status.ABANDONED),
            Status.IN_PROGRESS, Set.of(Status.DONE, Status.ABANDONED),
            Status.DONE, Set.of(),
            Status.ABANDONED, Set.of());

    private ActionSheetRules() {
    }

    public static boolean allowed(Status from, Status to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** A 409 naming both statuses when the move is not allowed. */
    public static void checkTransition(long id, Status from, Status to) {
        if (!allowed(from, to)) {
            throw ProblemException.conflict("status-transition-not-allowed",
                    "Action sheet " + id + " cannot go from " + from + " to " + to);
        }
    }

    /** A new sheet starts as an idea or already in progress. */
    public static void checkInitial(Status status) {
        if (status != Status.IDEA && status != Status.IN_PROGRESS) {
            throw ProblemException.invalid("status", "a new action sheet is IDEA or IN_PROGRESS");
        }
    }

    public static void checkDates(LocalDate startsOn, LocalDate endsOn) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn (" + startsOn + ")");
        }
    }
}
