package fr.territoires.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up SIRETs with valid Luhn keys (SIREN and SIRET), for tests and benchmarks; never La Poste's. */
public final class Sirets {

    private Sirets() {
    }

    /** A random SIRET whose SIREN starts with {@code first} (e.g. '8' for tests, '7' for benchmarks). */
    public static String random(char first) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String siren = withKey(first + String.format("%07d", random.nextInt(10_000_000)));
        return withKey(siren + String.format("%04d", random.nextInt(1, 10_000)));
    }

    /** The digits followed by the one key digit that makes them pass the Luhn check. */
    static String withKey(String digits) {
        for (int key = 0; key < 10; key++) {
            String candidate = digits + key;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int d = candidate.charAt(candidate.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn key for " + digits);
    }
}
