package fr.territoires.commons.versioning;

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
}
