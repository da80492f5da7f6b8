package fr.territoires.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each service answers, how long the gateway waits for it, and how the gateway protects the
 * services and its callers. Values live in application.properties; docs/gateway.md explains each.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by service name. */
    Map<String, Upstream> services();

    Duration connectTimeout();

    /** No answer from a service within this time: 504. */
    Duration requestTimeout();

    Cors cors();

    /** A request body above this size gets 413, whether announced by Content-Length or streamed. */
    MemorySize maxBodySize();

    RateLimit rateLimit();

    Retry retry();

    CircuitBreaker circuitBreaker();

    SecurityHeaders securityHeaders();

    Console console();

    interface Upstream {
        URI url();
    }

    interface Cors {
        /** Origins a browser may call the API from; Quarkus's CORS filter reads them (quarkus.http.cors.origins). */
        List<String> origins();
    }

    interface RateLimit {
        /** Steady rate each client may keep up. */
        double requestsPerSecond();

        /** How many requests a client may send at once after being idle. */
        int burst();
    }

    interface Retry {
        /** Further attempts after the first, for the requests that may be retried (RetryPolicy). */
        int maxRetries();

        /** Wait before the first retry; doubled before each next one. */
        Duration backoff();
    }

    interface CircuitBreaker {
        /** Consecutive failures to reach a service (no answer at all) that open its circuit. */
        int failureThreshold();

        /** How long an open circuit refuses requests before letting one trial through. */
        Duration openDuration();
    }

    interface SecurityHeaders {
        /** Empty: no Strict-Transport-Security header. */
        Optional<String> strictTransportSecurity();

        String contentSecurityPolicy();

        /** Path prefixes served without the Content-Security-Policy (HTML tools such as Swagger UI). */
        List<String> cspExemptPaths();

        /** The web console's pages (everything outside /api and /q): scripts and styles of its own origin only. */
        String consoleContentSecurityPolicy();
    }

    /** The web console served at the gateway's origin (docs/gateway.md). */
    interface Console {
        /** The OpenID Connect issuer the browser signs in with. */
        String oidcAuthority();

        /** The realm's public client of the console (authorization code + PKCE). */
        String clientId();
    }
}
