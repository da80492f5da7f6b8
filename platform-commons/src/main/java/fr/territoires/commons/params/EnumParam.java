package fr.territoires.commons.params;

import fr.territoires.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumerated filter from a query parameter: null when absent, a 400 listing the allowed values otherwise. */
public final class EnumParam {

    private EnumParam() {
    }

    public static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
