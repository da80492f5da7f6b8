package fr.territoires.funding.report;

import fr.territoires.commons.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The reports' query parameters, checked: a 400 problem naming the parameter, never a 404 or a 500. */
public final class ReportParams {

    public enum Format { JSON, CSV }

    /** The fiscal years a report may ask for (the envelopes' own bounds). */
    static final int FIRST_YEAR = 2018;
    static final int LAST_YEAR = 2100;

    private ReportParams() {
    }

    /** Required: territory, region, priority, funder or year (any case). */
    public static FundingSummary.By by(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("by", "is required and " + allowed(FundingSummary.By.class));
        }
        return parse("by", value, FundingSummary.By.class);
    }

    /** json (the default) or csv. */
    public static Format format(String value) {
        return value == null || value.isBlank() ? Format.JSON : parse("format", value, Format.class);
    }

    /** A fiscal year, or null when absent. */
    public static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range year
        }
        throw ProblemException.invalid("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    /** An INSEE region code (e.g. 44), or null when absent. */
    public static String region(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Names.isRegion(value.trim())) {
            throw ProblemException.invalid("region", "must be an INSEE region code, e.g. 44");
        }
        return value.trim();
    }

    /** A territory code as applications carry them, or null when absent. */
    public static String territory(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("ti-[0-9A-Za-z-]+")) {
            throw ProblemException.invalid("territory", "must be a territory code, e.g. ti-8413");
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, allowed(type));
        }
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
