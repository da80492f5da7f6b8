package fr.territoires.commons.outage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether a failed authentication means that the identity provider's signing keys could not be had,
 * rather than a bad token: the caller gets 503 with Retry-After, not 401.
 *
 * <p>Quarkus OIDC fetches the key set again when a token names a key it does not hold, at most once
 * per {@code quarkus.oidc.token.forced-jwk-refresh-interval}, counted from the attempt, failed or not.
 * The request whose fetch failed sees the refused connection (an outage by {@link Outages}); the
 * requests of the following interval get no fetch at all and fail as an ordinary invalid token
 * (KeycloakOutageTest saw them answered 401). During that interval no failed authentication is
 * taken as the token's fault: the keys that would decide are out of reach, and a client whose token
 * did expire could not get a new one from the absent Keycloak either. After the interval the next
 * such request fetches the keys again: 503 again while Keycloak is away, the true answer once back.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final long refreshIntervalNanos;
    private final AtomicLong lastFailedFetch = new AtomicLong();
    private volatile boolean failedOnce;

    public SigningKeys(OutageConfig config) {
        this.refreshIntervalNanos = config.keyRefreshInterval().toNanos();
    }

    /** True when this authentication failure is the identity provider's absence, not the token's fault. */
    public boolean unavailable(Throwable authenticationFailure) {
        if (Outages.unavailable(authenticationFailure).isPresent()) {
            lastFailedFetch.set(System.nanoTime());
            failedOnce = true;
            return true;
        }
        boolean waiting = failedOnce && System.nanoTime() - lastFailedFetch.get() < refreshIntervalNanos;
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Authentication failed (%s; keys %s): %s", causes(authenticationFailure),
                    waiting ? "not fetched again yet after a failed fetch" : "available", authenticationFailure);
        }
        return waiting;
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t);
        }
        return chain.isEmpty() ? "no cause" : chain.toString();
    }
}
