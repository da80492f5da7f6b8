package fr.territoires.registry.territory;

import java.util.List;

/** The programme's phases (DOMAIN.md): phase 1 2019-2022, phase 2 2023-2027. */
public final class Phases {

    public static final String FIRST = "2019-2022";
    public static final String CURRENT = "2023-2027";
    public static final List<String> ALL = List.of(FIRST, CURRENT);

    private Phases() {
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
