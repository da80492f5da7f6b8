package fr.territoires.gateway.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(1, 2, now::get);

    @Test
    void eachClientHasItsOwnBudget() {
        assertTrue(limiter.acquire("client web-console subject alice").allowed());
        assertTrue(limiter.acquire("client web-console subject alice").allowed());
        assertFalse(limiter.acquire("client web-console subject alice").allowed());

        assertTrue(limiter.acquire("client web-console subject bob").allowed());
        assertTrue(limiter.acquire("client partner-bpifrance subject alice").allowed());
    }

    @Test
    void aRefusalSaysWhenToComeBackInWholeSeconds() {
        RateLimiter slow = new RateLimiter(0.4, 1, now::get);
        slow.acquire("a");
        RateLimiter.Decision refused = slow.acquire("a");

        assertFalse(refused.allowed());
        assertEquals(Duration.ofMillis(2500), refused.retryAfter());
        assertEquals(3, refused.retryAfterSeconds());

        RateLimiter fast = new RateLimiter(1000, 1, now::get);
        fast.acquire("a");
        assertEquals(1, fast.acquire("a").retryAfterSeconds(), "never 0: a client would retry at once");
    }

    @Test
    void clientsIdleLongEnoughToHaveAFullBucketAreForgotten() {
        limiter.acquire("busy");
        limiter.acquire("idle");
        now.addAndGet(500_000_000L);
        limiter.acquire("busy");
        now.addAndGet(700_000_000L); // idle: 1.2 s since its request, full again; busy: 0.7 s

        limiter.forgetIdle();

        assertEquals(1, limiter.clientsRemembered());
        assertTrue(limiter.acquire("idle").allowed());
        assertTrue(limiter.acquire("idle").allowed());
        assertFalse(limiter.acquire("idle").allowed(), "a forgotten client starts again with one burst, no more");
    }
}
