package fr.territoires.gateway.protection;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one service. Closed: requests go through. After {@code failureThreshold}
 * consecutive failures it opens: requests are refused at once, without calling the service, for
 * {@code openDuration}. Then it is half-open: one trial request goes through (the others are still
 * refused); its success closes the circuit, its failure opens it again for another period.
 * <p>
 * What a failure is, is the caller's decision (the proxy: no answer at all; an answer, even 5xx, is
 * a success). A request let through that ends without a verdict (the caller went away) must be
 * {@linkplain #release released}, or a half-open circuit would wait for its trial forever.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        if (failureThreshold < 1 || openDuration.isNegative()) {
            throw new IllegalArgumentException("a circuit opens after at least one failure, for no negative time");
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a request may call the service now; if yes, its outcome must be reported. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default: // HALF_OPEN
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    /** The service answered. Returns whether this closed an open or half-open circuit. */
    public synchronized boolean onSuccess() {
        boolean wasBroken = state != State.CLOSED;
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
        return wasBroken;
    }

    /** The service could not be reached. Returns whether this opened the circuit. */
    public synchronized boolean onFailure() {
        switch (state) {
            case HALF_OPEN:
                open();
                return true;
            case OPEN:
                return false; // a request let through before the circuit opened, failing late
            default:
                if (++consecutiveFailures >= failureThreshold) {
                    open();
                    return true;
                }
                return false;
        }
    }

    /** A request let through ended without telling anything about the service. */
    public synchronized void release() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    /** How long until a request may be let through again: zero when closed, at least the remaining open time. */
    public synchronized Duration retryAfter() {
        return switch (state) {
            case CLOSED -> Duration.ZERO;
            case OPEN -> Duration.ofNanos(Math.max(0, openNanos - (nanoClock.getAsLong() - openedAt)));
            case HALF_OPEN -> Duration.ofSeconds(1); // the trial decides soon
        };
    }

    public synchronized State state() {
        return state;
    }

    public int failureThreshold() {
        return failureThreshold;
    }

    private void open() {
        state = State.OPEN;
        openedAt = nanoClock.getAsLong();
        trialInFlight = false;
        consecutiveFailures = 0;
    }
}
