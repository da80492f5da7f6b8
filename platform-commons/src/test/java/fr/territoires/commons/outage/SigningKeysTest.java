package fr.territoires.commons.outage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.AuthenticationFailedException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 503 only for a token whose key cannot be had while Keycloak is away; a token that is simply
 * invalid (bad signature with a known key, expired, another issuer, not a JWT) stays 401.
 */
class SigningKeysTest {

    static final String ISSUER = "https://auth.example/realms/territoires";
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    /** Stands for Quarkus OIDC's keys: the kids it holds and whether a token is valid with them. */
    static final class Keys implements SigningKeys.HeldKeys {
        final Map<String, Boolean> validByKid;
        final Optional<String> issuer;

        Keys(Map<String, Boolean> validByKid, Optional<String> issuer) {
            this.validByKid = validByKid;
            this.issuer = issuer;
        }

        @Override
        public Verdict check(String token) {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);
            String kid = header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
            Boolean valid = validByKid.get(kid);
            return valid == null ? Verdict.KEY_NOT_HELD : valid ? Verdict.VALID : Verdict.REFUSED;
        }

        @Override
        public Optional<String> issuer() {
            return issuer;
        }
    }

    static OutageConfig config(Duration keyRefreshInterval) {
        return new OutageConfig() {
            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration keyRefreshInterval() {
                return keyRefreshInterval;
            }
        };
    }

    static String bearer(String kid, String issuer, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"u\",\"exp\":" + expires.getEpochSecond() + "}";
        return "Bearer " + b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    static final Exception REFUSED_FETCH = new AuthenticationFailedException(
            new ConnectException("Connection refused: localhost/127.0.0.1:8180"));
    /** What the requests of the interval after a failed fetch see: nothing about keys. */
    static final Exception ORDINARY_FAILURE = new AuthenticationFailedException(new java.util.NoSuchElementException());

    final String knownKeyBadSignature = bearer("known", ISSUER, NOW.plusSeconds(300));
    final String newKey = bearer("rotated", ISSUER, NOW.plusSeconds(300));
    final String newKeyExpired = bearer("rotated", ISSUER, NOW.minusSeconds(1));
    final String otherIssuer = bearer("master-key", "https://auth.example/realms/master", NOW.plusSeconds(300));

    SigningKeys signingKeys(Duration interval, Optional<String> issuer) {
        return new SigningKeys(config(interval), new Keys(Map.of("known", false), issuer),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTokenWhoseKeyCannotBeFetchedIs503() {
        SigningKeys keys = signingKeys(Duration.ofSeconds(15), Optional.of(ISSUER));
        assertTrue(keys.unavailable(REFUSED_FETCH, newKey), "the fetch for its key was refused");
        assertTrue(keys.unavailable(ORDINARY_FAILURE, newKey), "no new fetch during the interval: still no key");
    }

    @Test
    void aTokenThatIsSimplyInvalidStays401EvenRightAfterAFailedFetch() {
        SigningKeys keys = signingKeys(Duration.ofSeconds(15), Optional.of(ISSUER));
        assertTrue(keys.unavailable(REFUSED_FETCH, newKey));
        assertFalse(keys.unavailable(ORDINARY_FAILURE, knownKeyBadSignature), "bad signature with a known key");
        assertFalse(keys.unavailable(REFUSED_FETCH, knownKeyBadSignature), "even when the failure is an outage");
        assertFalse(keys.unavailable(ORDINARY_FAILURE, newKeyExpired), "expired: no key makes it valid");
        assertFalse(keys.unavailable(REFUSED_FETCH, newKeyExpired));
        assertFalse(keys.unavailable(ORDINARY_FAILURE, otherIssuer), "another issuer");
        assertFalse(keys.unavailable(ORDINARY_FAILURE, "Bearer not-a-jwt"));
        assertFalse(keys.unavailable(ORDINARY_FAILURE, "Bearer a.b.c"), "three parts but no JSON");
        assertFalse(keys.unavailable(ORDINARY_FAILURE, null), "no token at all");
        assertFalse(keys.unavailable(ORDINARY_FAILURE, "Basic dXNlcjpwYXNz"));
    }

    @Test
    void whileTheKeysAreWithinReachAnyFailureIsTheTokensFault() {
        SigningKeys keys = signingKeys(Duration.ofSeconds(15), Optional.of(ISSUER));
        assertFalse(keys.unavailable(ORDINARY_FAILURE, newKey), "no fetch failed: an unknown key is a bad token");
        assertFalse(keys.unavailable(ORDINARY_FAILURE, knownKeyBadSignature));
    }

    @Test
    void theIntervalAfterAFailedFetchEnds() {
        SigningKeys keys = signingKeys(Duration.ofMillis(200), Optional.of(ISSUER));
        assertTrue(keys.unavailable(REFUSED_FETCH, newKey));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (keys.unavailable(ORDINARY_FAILURE, newKey)) {
            assertTrue(System.nanoTime() < deadline, "the interval ends");
            Thread.onSpinWait();
        }
        assertTrue(keys.unavailable(REFUSED_FETCH, newKey), "a new failed fetch opens a new interval");
    }

    @Test
    void aServiceStartedWithoutKeycloakKnowsNoIssuerAndNoKey() {
        SigningKeys keys = new SigningKeys(config(Duration.ofSeconds(15)), new Keys(Map.of(), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(keys.unavailable(REFUSED_FETCH, newKey), "no key held: Keycloak decides, and it is away");
        assertTrue(keys.unavailable(REFUSED_FETCH, otherIssuer), "no issuer known either: it cannot be judged now");
        assertFalse(keys.unavailable(REFUSED_FETCH, newKeyExpired), "but an expired token is refused all the same");
    }

    @Test
    void aTokenValidWithKeysFetchedMeanwhileIsToldToComeBack() {
        SigningKeys keys = new SigningKeys(config(Duration.ofSeconds(15)), new Keys(Map.of("rotated", true),
                Optional.of(ISSUER)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(keys.unavailable(REFUSED_FETCH, newKey));
    }
}
