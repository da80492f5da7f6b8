package fr.territoires.commons.codes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The official French codes the platform stores (DESIGN.md §5), checked rather than just stored.
 * Each check answers the rule that failed, for a problem+json message, or empty when the code is
 * valid.
 */
public final class OfficialCodes {

    /** La Poste's SIREN: its SIRETs do not follow Luhn but have a digit sum divisible by 5. */
    public static final String LA_POSTE_SIREN = "356000000";

    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("\\d{14}");
    /** Two digits (2A/2B for Corsica) for the département, three for the commune. */
    private static final Pattern COMMUNE = Pattern.compile("(\\d{2}|2A|2B)\\d{3}");
    private static final Pattern REGION = Pattern.compile("0[1-6]|[1-9]\\d");
    /** A family letter A to N, a two-digit domain, two digits. */
    private static final Pattern ROME = Pattern.compile("[A-N]\\d{4}");
    /** NAF rév. 2 subclass: division, group and class digits, then a letter. */
    private static final Pattern NAF = Pattern.compile("\\d{2}\\.\\d{2}[A-Z]");

    private OfficialCodes() {
    }

    public static Optional<String> sirenProblem(String siren) {
        if (siren == null || !NINE_DIGITS.matcher(siren).matches()) {
            return Optional.of("must be 9 digits");
        }
        return luhn(siren) ? Optional.empty() : Optional.of("is not a valid SIREN (Luhn check)");
    }

    public static Optional<String> siretProblem(String siret) {
        if (siret == null || !FOURTEEN_DIGITS.matcher(siret).matches()) {
            return Optional.of("must be 14 digits");
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return digitSum(siret) % 5 == 0 ? Optional.empty()
                    : Optional.of("is not a valid SIRET of La Poste (digit sum must be a multiple of 5)");
        }
        if (sirenProblem(siret.substring(0, 9)).isPresent()) {
            return Optional.of("does not start with a valid SIREN");
        }
        return luhn(siret) ? Optional.empty() : Optional.of("is not a valid SIRET (Luhn check)");
    }

    public static Optional<String> communeProblem(String code) {
        return code != null && COMMUNE.matcher(code).matches() ? Optional.empty()
                : Optional.of("must be an INSEE commune code: 5 characters, e.g. 54431 or 2A004");
    }

    public static Optional<String> regionProblem(String code) {
        return code != null && REGION.matcher(code).matches() ? Optional.empty()
                : Optional.of("must be an INSEE region code, e.g. 44");
    }

    public static Optional<String> romeProblem(String code) {
        return code != null && ROME.matcher(code).matches() ? Optional.empty()
                : Optional.of("must be a ROME code: a letter A to N and four digits, e.g. H2913");
    }

    public static Optional<String> nafFormatProblem(String code) {
        return code != null && NAF.matcher(code).matches() ? Optional.empty()
                : Optional.of("must be a NAF rév. 2 code such as 25.11Z");
    }

    /** Luhn: from the right, every second digit doubled (minus 9 above 9); the sum ends in 0. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
