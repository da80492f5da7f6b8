package fr.territoires.gateway.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewClientMayBurstThenWaitsForTheRate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0); // 2 per second, bursts of 3

        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(SECOND / 2, bucket.tryTake(0), "one token every half second");
        assertEquals(SECOND / 4, bucket.tryTake(SECOND / 4), "a refused request takes nothing");
        assertEquals(0, bucket.tryTake(SECOND / 2));
        assertEquals(SECOND / 2, bucket.tryTake(SECOND / 2));
    }

    @Test
    void anIdleClientGetsNoMoreThanOneBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        assertTrue(bucket.isFull(3600 * SECOND));
        assertEquals(0, bucket.tryTake(3600 * SECOND));
        assertEquals(0, bucket.tryTake(3600 * SECOND));
        assertTrue(bucket.tryTake(3600 * SECOND) > 0);
    }

    @Test
    void aSlowRateWaitsLong() {
        TokenBucket bucket = new TokenBucket(0.1, 1, 0);
        bucket.tryTake(0);

        assertEquals(10 * SECOND, bucket.tryTake(0));
        assertFalse(bucket.isFull(9 * SECOND));
        assertTrue(bucket.isFull(10 * SECOND));
    }

    @Test
    void aClockThatGoesBackDoesNotRefill() {
        TokenBucket bucket = new TokenBucket(1, 1, 5 * SECOND);
        bucket.tryTake(5 * SECOND);

        assertTrue(bucket.tryTake(SECOND) > 0);
    }

    @Test
    void anImpossibleBucketIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(10, 0, 0));
    }
}
