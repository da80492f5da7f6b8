package fr.territoires.gateway.protection;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code ratePerSecond};
 * each request takes one. A client may burst up to the capacity, then keep up the rate. Time is
 * given in nanoseconds by the caller, so that tests control it.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, int capacity, long now) {
        if (ratePerSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("a bucket needs a positive rate and room for one token");
        }
        this.capacity = capacity;
        this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.tokens = capacity; // a new client starts with a full burst
        this.refilledAt = now;
    }

    /**
     * Takes a token if there is one: then 0. Otherwise, nothing is taken and the answer is how many
     * nanoseconds until a token is there.
     */
    public synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** A full bucket is the same as a new one: it can be forgotten. */
    public synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > refilledAt) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
        }
    }
}
