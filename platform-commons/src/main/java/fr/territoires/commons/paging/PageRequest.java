package fr.territoires.commons.paging;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** A validated page of a list: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /**
     * At most this many rows are skipped to reach a page: {@code page × size} stays far below the
     * int range (no overflow into a negative offset, a 500) and no query scans millions of rows.
     */
    public static final int MAX_OFFSET = 1_000_000;

    /**
     * From the raw query parameters (absent means the default). Not a number or out of range: a
     * 400 naming the field, rather than the 404 that JAX-RS gives a query parameter it cannot convert.
     */
    public static PageRequest parse(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer p = integer("page", page, errors);
        Integer s = integer("size", size, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid paging parameters", errors));
        }
        return of(p, s);
    }

    private static Integer integer(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a whole number"));
            return null;
        }
    }

    /** From numbers; null means the default. Out of range: a 400 naming the field. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_SIZE));
        } else if (p > MAX_OFFSET / s) {
            errors.add(new Problem.FieldError("page", "must be at most " + MAX_OFFSET / s + " with size " + s
                    + " (no more than " + MAX_OFFSET + " rows are skipped; narrow the list with its filters)"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid paging parameters", errors));
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size; // at most MAX_OFFSET
    }
}
