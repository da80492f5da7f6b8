package fr.territoires.commons.versioning;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;

/** Reads an {@code If-Match} header carrying one of our ETags: the entity version (DESIGN.md §5). */
public final class IfMatch {

    /**
     * {@code If-Match: *} (RFC 9110: any current version of a record that exists): the caller states
     * it replaces whatever is stored — a deliberate choice, unlike a forgotten header (428).
     */
    public static final long ANY = Long.MIN_VALUE;

    private IfMatch() {
    }

    /** null when absent; a 400 naming the header when it is not one of our ETags. */
    public static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.equals("*")) {
            return ANY;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, e.g. \"3\", or *");
        }
    }

    /**
     * For a replace of a whole stored record (a PUT): If-Match is required (DESIGN.md §5), a 428
     * problem naming the header when it is missing, then {@link #check}. A record not stored yet
     * needs none: the caller could not have read its ETag.
     */
    public static void require(Long expected, long current, String what) {
        if (expected == null) {
            throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "precondition-required"),
                    "Precondition required", 428, what + " is replaced whole: send If-Match with the ETag you read"
                            + " (version " + current + "), so that no one else's change is lost", null,
                    java.util.List.of(new Problem.FieldError("If-Match", "is required to replace " + what))));
        }
        check(expected, current, what);
    }

    /** A 412 problem when the client read an older version than the current one (lost update avoided). */
    public static void check(Long expected, long current, String what) {
        if (expected != null && expected != ANY && expected != current) {
            throw new ProblemException(Problem.of("stale-version", "Precondition failed", 412,
                    what + " changed since version " + expected + " (now " + current + "); read it again"));
        }
    }
}
