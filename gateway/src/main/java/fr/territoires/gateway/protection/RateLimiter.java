package fr.territoires.gateway.protection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in this gateway instance's memory (docs/gateway.md: with n instances
 * a client may get up to n times the rate). Buckets that have filled up again are forgotten by
 * {@link #forgetIdle()}, so memory follows the clients active in the last seconds, not all clients ever seen.
 */
public final class RateLimiter {

    /** Allowed, or refused with the time after which a retry would be allowed. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** For a Retry-After header: whole seconds, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toNanos() + 999_999_999) / 1_000_000_000);
        }
    }

    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double ratePerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        new TokenBucket(ratePerSecond, burst, 0); // refuses an impossible configuration at start-up
    }

    public Decision acquire(String client) {
        long now = nanoClock.getAsLong();
        long wait = buckets.computeIfAbsent(client, c -> new TokenBucket(ratePerSecond, burst, now)).tryTake(now);
        return wait == 0 ? Decision.ALLOWED : new Decision(false, Duration.ofNanos(wait));
    }

    public void forgetIdle() {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
    }

    int clientsRemembered() {
        return buckets.size();
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public int burst() {
        return burst;
    }
}
