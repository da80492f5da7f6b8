package fr.territoires.gateway.routing;

import io.netty.channel.ConnectTimeoutException;
import java.util.concurrent.TimeoutException;

/** Why a service gave no answer at all (a status, even 5xx, is an answer: the service speaking). */
enum NoAnswer {

    /** Connection refused, reset or closed before a response: retrying is safe for what may be retried. */
    UNREACHABLE(503, true),
    /** No connection within gateway.connect-timeout: the request never left. */
    CONNECT_TIMEOUT(504, true),
    /** Connected, but no response within gateway.request-timeout: the service may still be working on it. */
    RESPONSE_TIMEOUT(504, false);

    final int status;
    /** Whether another attempt makes sense (only for requests that may be retried at all: RetryPolicy). */
    final boolean worthRetrying;

    NoAnswer(int status, boolean worthRetrying) {
        this.status = status;
        this.worthRetrying = worthRetrying;
    }

    static NoAnswer of(Throwable failure) {
        if (failure instanceof ConnectTimeoutException) {
            return CONNECT_TIMEOUT;
        }
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return RESPONSE_TIMEOUT;
        }
        return UNREACHABLE;
    }

    boolean timedOut() {
        return status == 504;
    }
}
