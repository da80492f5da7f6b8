package fr.territoires.commons.versioning;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;

/** Reads an {@code If-Match} header carrying one of our ETags: the entity version (DESIGN.md §5). */
public final class IfMatch {

    private IfMatch() {
    }

    /** null when absent; a 400 naming the header when it is not one of our ETags. */
    public static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, e.g. \"3\"");
        }
    }

    /** A 412 problem when the client read an older version than the current one (lost update avoided). */
    public static void check(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new ProblemException(Problem.of("stale-version", "Precondition failed", 412,
                    what + " changed since version " + expected + " (now " + current + "); read it again"));
        }
    }
}
