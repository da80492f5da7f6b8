package fr.territoires.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100));

    @Test
    void onlyIdempotentRequestsWithoutBodyAreRetried() {
        for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
                HttpMethod.PUT, HttpMethod.DELETE }) {
            assertTrue(policy.mayRetry(method, false), method::name);
            assertFalse(policy.mayRetry(method, true), () -> method.name() + " with a body, already streamed");
        }
        assertFalse(policy.mayRetry(HttpMethod.POST, false));
        assertFalse(policy.mayRetry(HttpMethod.PATCH, false));
        assertFalse(new RetryPolicy(0, Duration.ofMillis(100)).mayRetry(HttpMethod.GET, false));
    }

    @Test
    void atMostTheConfiguredRetriesWithADoublingWait() {
        assertTrue(policy.allowsAnotherAfter(1));
        assertTrue(policy.allowsAnotherAfter(2));
        assertFalse(policy.allowsAnotherAfter(3), "3 attempts: the first and 2 retries");
        assertEquals(Duration.ofMillis(100), policy.delayBefore(1));
        assertEquals(Duration.ofMillis(200), policy.delayBefore(2));
        assertEquals(Duration.ofMillis(400), policy.delayBefore(3));
    }

    @Test
    void aServiceThatMayBeWorkingOnTheRequestIsNotAskedAgain() {
        assertEquals(NoAnswer.UNREACHABLE, NoAnswer.of(new ConnectException("Connection refused")));
        assertEquals(NoAnswer.UNREACHABLE, NoAnswer.of(new HttpClosedException("Connection was closed")));
        assertEquals(NoAnswer.CONNECT_TIMEOUT, NoAnswer.of(new ConnectTimeoutException("connection timed out")));
        assertEquals(NoAnswer.RESPONSE_TIMEOUT, NoAnswer.of(new TimeoutException("no response in 30000 ms")));
        assertTrue(NoAnswer.UNREACHABLE.worthRetrying);
        assertTrue(NoAnswer.CONNECT_TIMEOUT.worthRetrying);
        assertFalse(NoAnswer.RESPONSE_TIMEOUT.worthRetrying);
        assertEquals(503, NoAnswer.UNREACHABLE.status);
        assertEquals(504, NoAnswer.RESPONSE_TIMEOUT.status);
    }
}
