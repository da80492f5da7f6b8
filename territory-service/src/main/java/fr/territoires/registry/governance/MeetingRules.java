package fr.territoires.registry.governance;

import fr.territoires.commons.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;

/** A meeting may be planned ahead, but decisions are recorded only for a meeting that took place. */
public final class MeetingRules {

    private MeetingRules() {
    }

    public static void check(LocalDate heldOn, List<String> decisions, LocalDate today) {
        if (decisions != null && !decisions.isEmpty() && heldOn.isAfter(today)) {
            throw ProblemException.invalid("decisions", "a meeting planned for " + heldOn + " has no decisions yet");
        }
    }
}
