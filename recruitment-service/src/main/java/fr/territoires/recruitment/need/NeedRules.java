package fr.territoires.recruitment.need;

import fr.territoires.commons.problem.Problem;
import fr.territoires.recruitment.reference.Rome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A need's rules beyond single fields: codes, positions, dates, difficulty, and the status they give. */
public final class NeedRules {

    public static final int MAX_HEADCOUNT = 10_000;

    private NeedRules() {
    }

    /**
     * @param today   the day it is declared or changed
     * @param current the need before the change, or null when it is declared
     */
    public static List<Problem.FieldError> problems(NeedRequest r, LocalDate today, RecruitmentNeed current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.romeCode() != null) {
            Rome.problem(r.romeCode()).ifPresent(p -> errors.add(new Problem.FieldError("romeCode", p)));
        }
        int filled = r.filledCount() == null ? 0 : r.filledCount();
        if (r.headcount() != null && r.headcount() >= 1 && filled > r.headcount()) {
            errors.add(new Problem.FieldError("filledCount", "must not exceed headcount (" + r.headcount() + ")"));
        }
        if (current != null && r.headcount() != null && r.filledCount() == null && current.filledCount > r.headcount()) {
            errors.add(new Problem.FieldError("headcount", "must not be below the " + current.filledCount
                    + " positions already filled"));
        }
        if (r.startDate() != null && r.deadline() != null && r.deadline().isBefore(r.startDate())) {
            errors.add(new Problem.FieldError("deadline", "must be on or after startDate (" + r.startDate() + ")"));
        }
        boolean deadlineChanged = current == null || !current.deadline.equals(r.deadline());
        if (r.deadline() != null && deadlineChanged && r.deadline().isBefore(today)) {
            errors.add(new Problem.FieldError("deadline", "must not be in the past (today is " + today + ")"));
        }
        boolean reasons = r.difficultyReasons() != null && !r.difficultyReasons().isEmpty();
        if (r.difficult() && !reasons) {
            errors.add(new Problem.FieldError("difficultyReasons", "must name at least one reason when difficult is true"));
        }
        if (!r.difficult() && reasons) {
            errors.add(new Problem.FieldError("difficultyReasons", "must be empty when difficult is false"));
        }
        return errors;
    }

    /** The status that the positions filled give an open need. */
    public static RecruitmentNeed.Status statusFor(int filled, int headcount) {
        if (filled >= headcount) {
            return RecruitmentNeed.Status.FILLED;
        }
        return filled == 0 ? RecruitmentNeed.Status.OPEN : RecruitmentNeed.Status.PARTIALLY_FILLED;
    }

    /** A need open past its deadline expires the day after it. */
    public static boolean isDue(RecruitmentNeed n, LocalDate today) {
        return n.status.open() && n.deadline.isBefore(today);
    }
}
