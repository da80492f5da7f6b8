package fr.territoires.commons.params;

import fr.territoires.commons.problem.ProblemException;
import java.time.LocalDate;

/**
 * The dates the platform accepts anywhere (issue 14): from 1900 to 2199. Wider than any business
 * date (a commune created in 1900, a contract ending in 2050) and far inside PostgreSQL's range, so
 * no date beyond it reaches the database. Body fields are checked when read ({@link SaneDatesCustomizer}),
 * query parameters by {@link DateParam}; business rules narrow it further.
 */
public final class DateWindow {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private DateWindow() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static String rule() {
        return "must be between " + EARLIEST + " and " + LATEST;
    }

    /** The date, or a 400 naming the field. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && !contains(date)) {
            throw ProblemException.invalid(field, rule());
        }
        return date;
    }
}
