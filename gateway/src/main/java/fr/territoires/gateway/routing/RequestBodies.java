package fr.territoires.gateway.routing;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/** Whether a request carries a body, from its headers alone (the body itself is streamed, never read ahead). */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * HTTP/1.1 (RFC 9112 §6.3): a request has a body only with Transfer-Encoding or a non-zero
     * Content-Length. HTTP/2 frames say it instead: a request without a length has a body unless
     * the stream has already ended.
     */
    static boolean isAbsent(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return "0".equals(length.trim());
        }
        return request.version() != HttpVersion.HTTP_2 || request.isEnded();
    }
}
