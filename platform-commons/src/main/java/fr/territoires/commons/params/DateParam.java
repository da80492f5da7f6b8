package fr.territoires.commons.params;

import fr.territoires.commons.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date from a query parameter (ISO, YYYY-MM-DD), as the API's "as of" and "effective on" dates are given. */
public final class DateParam {

    private DateParam() {
    }

    /**
     * {@code today} (the caller's {@link fr.territoires.commons.time.BusinessDates#today()}) when
     * absent; a 400 naming the parameter when it is not a date or outside {@link DateWindow}.
     */
    public static LocalDate parseOrToday(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            return DateWindow.check(field, LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }
}
