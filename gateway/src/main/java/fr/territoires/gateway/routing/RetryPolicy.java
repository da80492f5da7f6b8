package fr.territoires.gateway.routing;

import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Set;

/**
 * Which requests the gateway tries again when a service could not be reached, and when. Only
 * idempotent methods (RFC 9110 §9.2.2: repeating them has the effect of doing them once) and only
 * without a body: bodies are streamed to the service as they arrive, never kept, so a body already
 * sent to a failed connection cannot be sent again. POST and PATCH are never retried.
 */
final class RetryPolicy {

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final int maxRetries;
    private final Duration backoff;

    RetryPolicy(int maxRetries, Duration backoff) {
        if (maxRetries < 0 || backoff.isNegative()) {
            throw new IllegalArgumentException("retries and backoff cannot be negative");
        }
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    boolean mayRetry(HttpMethod method, boolean hasBody) {
        return maxRetries > 0 && !hasBody && IDEMPOTENT.contains(method);
    }

    /** Whether a request that has failed {@code attempts} times gets another one. */
    boolean allowsAnotherAfter(int attempts) {
        return attempts <= maxRetries;
    }

    /** The wait before retry number {@code retry} (1 for the first): backoff, then doubled each time. */
    Duration delayBefore(int retry) {
        return backoff.multipliedBy(1L << Math.min(retry - 1, 16));
    }
}
