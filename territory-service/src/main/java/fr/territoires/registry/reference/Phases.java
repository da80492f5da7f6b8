package fr.territoires.registry.reference;

import java.util.List;

/** The programme's phases (DOMAIN.md): phase 1 2019-2022, phase 2 2023-2027. */
public final class Phases {

    public static final String FIRST = "2019-2022";
    public static final String CURRENT = "2023-2027";
    public static final List<String> ALL = List.of(FIRST, CURRENT);
    /** Perimeters of the official lists are dated to their phase: phase 1 from 2019-01-01 to 2022-12-31. */
    public static final java.time.LocalDate FIRST_STARTS = java.time.LocalDate.of(2019, 1, 1);
    /** First day after phase 1, and first day of phase 2's perimeters. */
    public static final java.time.LocalDate CURRENT_STARTS = java.time.LocalDate.of(2023, 1, 1);
    /** The day the phase-2 list was published (183 territories, 9 Nov 2023): its label date. */
    public static final java.time.LocalDate CURRENT_PUBLISHED = java.time.LocalDate.of(2023, 11, 9);

    private Phases() {
    }

    /** The phase a date falls in for the official lists: phase 1 before 2023, phase 2 after; null before 2019. */
    public static String ofDate(java.time.LocalDate date) {
        return date.isBefore(FIRST_STARTS) ? null : date.isBefore(CURRENT_STARTS) ? FIRST : CURRENT;
    }

    /** A phase by its number, as maps ask for it ({@code phase=1|2}, 2 when absent); a 400 naming the parameter otherwise. */
    public static String ofNumber(String number) {
        if (number == null || number.isBlank() || number.equals("2")) {
            return CURRENT;
        }
        if (number.equals("1")) {
            return FIRST;
        }
        throw fr.territoires.commons.problem.ProblemException.invalid("phase", "must be 1 (2019-2022) or 2 (2023-2027)");
    }

    /** 1 or 2. */
    public static int number(String phase) {
        return FIRST.equals(phase) ? 1 : 2;
    }

    /** A phase from a query parameter: the current one when absent, a 400 naming the parameter when unknown. */
    public static String parse(String value) {
        if (value == null || value.isBlank()) {
            return CURRENT;
        }
        if (!ALL.contains(value)) {
            throw fr.territoires.commons.problem.ProblemException.invalid("phase", "must be 2019-2022 or 2023-2027");
        }
        return value;
    }
}
