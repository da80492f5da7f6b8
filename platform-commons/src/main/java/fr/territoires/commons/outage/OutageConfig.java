package fr.territoires.commons.outage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How callers are told to come back while a dependency is away. */
@ConfigMapping(prefix = "platform.outage")
public interface OutageConfig {

    /** Retry-After of a 503 caused by an unavailable dependency (whole seconds, at least 1). */
    @WithDefault("5S")
    Duration retryAfter();

    /**
     * How long Quarkus OIDC waits after a fetch of the signing keys before it fetches them again for an
     * unknown key: set to {@code quarkus.oidc.token.forced-jwk-refresh-interval} (see {@link SigningKeys}).
     */
    @WithDefault("15S")
    Duration keyRefreshInterval();
}
