package fr.territoires.gateway.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.gateway.protection.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail(2);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess(); // the count starts again
        fail(2);
        assertEquals(State.CLOSED, breaker.state());

        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.onFailure(), "the third in a row opens it");
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofSeconds(30), breaker.retryAfter());
    }

    @Test
    void refusesWhileOpenThenLetsOneTrialThrough() {
        fail(3);
        later(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofSeconds(1), breaker.retryAfter());

        later(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire(), "the trial");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void aSuccessfulTrialClosesTheCircuit() {
        fail(3);
        later(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());

        assertTrue(breaker.onSuccess());
        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
        assertEquals(Duration.ZERO, breaker.retryAfter());
    }

    @Test
    void aFailedTrialOpensItForAnotherPeriod() {
        fail(3);
        later(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());

        assertTrue(breaker.onFailure());
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofSeconds(30), breaker.retryAfter());
    }

    @Test
    void aTrialThatEndsWithoutVerdictLetsAnotherOneThrough() {
        fail(3);
        later(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());

        breaker.release(); // e.g. the caller went away
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void aLateFailureOfARequestLetThroughBeforeDoesNotExtendTheOpenPeriod() {
        assertTrue(breaker.tryAcquire()); // in flight while the others fail
        fail(3);
        later(Duration.ofSeconds(10));

        assertFalse(breaker.onFailure());
        assertEquals(Duration.ofSeconds(20), breaker.retryAfter());
    }

    @Test
    void aFailedTrialNeedsAWholeNewRunOfFailuresOnceClosedAgain() {
        fail(3);
        later(Duration.ofSeconds(30));
        breaker.tryAcquire();
        breaker.onSuccess();

        fail(2);
        assertEquals(State.CLOSED, breaker.state());
    }
}
