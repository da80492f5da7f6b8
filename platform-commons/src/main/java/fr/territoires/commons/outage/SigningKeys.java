package fr.territoires.commons.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Whether a failed authentication means that the identity provider's signing keys could not be had,
 * rather than a bad token: the caller gets 503 with Retry-After, not 401.
 *
 * <p>A token is answered 503 only when both hold:
 * <ul>
 * <li>the keys cannot be fetched now: this very failure is an outage by {@link Outages} (the fetch,
 * or the first contact with Keycloak of a service started while it was away, was refused), or such
 * a failure happened less than {@code quarkus.oidc.token.forced-jwk-refresh-interval} ago: Quarkus
 * OIDC does not fetch the keys again for an unknown key during that interval, counted from the
 * attempt, failed or not, and its requests then fail as ordinary invalid tokens;</li>
 * <li>the token could be valid if only its key were known: it is a JWT, not expired, its key is
 * not among the keys the application holds ({@link HeldKeys}), and its issuer, when the provider's
 * is known, is that one.</li>
 * </ul>
 * A token whose key the application holds is judged on that key (a bad signature, a wrong audience
 * or issuer stays 401, Keycloak or not); an expired one or one from another issuer would be refused
 * by any key: 401 as well.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the application knows of the identity provider's keys (Quarkus OIDC's, see {@link QuarkusOidcKeys}). */
    public interface HeldKeys {

        enum Verdict {
            /** The application holds the token's key, and the token is valid with it. */
            VALID,
            /** The application holds the token's key, and the token is refused with it (signature, claims). */
            REFUSED,
            /** The application does not hold the token's key (or no key at all: never fetched). */
            KEY_NOT_HELD
        }

        /** The token checked with the keys the application holds, without fetching any. */
        Verdict check(String token);

        /** The provider's issuer, when its metadata could be fetched. */
        Optional<String> issuer();
    }

    private final long refreshIntervalNanos;
    private final HeldKeys keys;
    private final Clock clock;
    private volatile long lastFailedFetch;
    private volatile boolean failedOnce;

    @Inject
    public SigningKeys(OutageConfig config, QuarkusOidcKeys keys) {
        this(config, keys, Clock.systemUTC());
    }

    public SigningKeys(OutageConfig config, HeldKeys keys, Clock clock) {
        this.refreshIntervalNanos = config.keyRefreshInterval().toNanos();
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * True when this authentication failure is the identity provider's absence, not the token's
     * fault; {@code authorization} is the request's Authorization header (null when absent).
     */
    public boolean unavailable(Throwable authenticationFailure, String authorization) {
        boolean fetchFailed = Outages.isUnavailable(authenticationFailure);
        if (fetchFailed) {
            lastFailedFetch = System.nanoTime();
            failedOnce = true;
        }
        boolean keysOutOfReach = fetchFailed
                || failedOnce && System.nanoTime() - lastFailedFetch < refreshIntervalNanos;
        if (!keysOutOfReach) {
            debug(authenticationFailure, "keys within reach: the token's fault");
            return false;
        }
        String token = bearer(authorization);
        Optional<JsonNode> claims = token == null ? Optional.empty() : claims(token);
        if (claims.isEmpty()) {
            debug(authenticationFailure, "keys out of reach, but no JWT to check with them");
            return false;
        }
        JsonNode exp = claims.get().path("exp");
        if (exp.isNumber() && exp.asLong() <= clock.instant().getEpochSecond()) {
            debug(authenticationFailure, "keys out of reach, but the token expired");
            return false;
        }
        HeldKeys.Verdict verdict = keys.check(token);
        if (verdict == HeldKeys.Verdict.REFUSED) {
            debug(authenticationFailure, "keys out of reach, but the token's key is held and refuses it");
            return false;
        }
        Optional<String> issuer = keys.issuer();
        String tokenIssuer = claims.get().path("iss").asText(null);
        if (issuer.isPresent() && !issuer.get().equals(tokenIssuer)) {
            debug(authenticationFailure, "keys out of reach, but the token is from another issuer");
            return false;
        }
        debug(authenticationFailure, "keys out of reach and the token's key not held (" + verdict + ")");
        return true;
    }

    /** The bearer token of an Authorization header, or null. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The claims of a signed JWT, unverified: for what no key could change (expiry, issuer). */
    static Optional<JsonNode> claims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return header != null && header.isObject() && claims != null && claims.isObject() ? Optional.of(claims)
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void debug(Throwable failure, String decision) {
        if (LOG.isDebugEnabled()) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                chain.append(chain.isEmpty() ? "" : " <- ").append(t);
            }
            LOG.debugf("Authentication failed (%s): %s: %s", chain.isEmpty() ? "no cause" : chain, decision, failure);
        }
    }
}
