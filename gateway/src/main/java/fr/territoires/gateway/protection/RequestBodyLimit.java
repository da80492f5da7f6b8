package fr.territoires.gateway.protection;

import fr.territoires.commons.problem.Problem;
import fr.territoires.gateway.GatewayConfig;
import fr.territoires.gateway.problem.ProblemResponses;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Request bodies above {@code gateway.max-body-size} get 413 problem+json. A Content-Length above the
 * limit is refused here, before any byte of the body is read or proxied; a body without a length
 * (chunked) is counted by the proxy as it streams, which calls {@link #refuse} when it goes over.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /**
     * Just before Quarkus's own check of quarkus.http.limits.max-body-size (order -2, same limit,
     * a bare 413 without a body), so that the caller gets a problem naming the limit. platform-commons'
     * per-endpoint limit of the services, when present, runs earlier (order -3000).
     */
    private static final int ORDER = -3;

    private final long limit;
    private final ProblemResponses problems;

    public RequestBodyLimit(GatewayConfig config, ProblemResponses problems) {
        this.limit = config.maxBodySize().asLongValue();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkAnnouncedLength);
    }

    private void checkAnnouncedLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(parse(length))) {
            refuse(ctx);
        } else {
            ctx.next();
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec has already refused a malformed length
        }
    }

    public boolean exceeds(long bytes) {
        return bytes > limit;
    }

    /**
     * Answers 413 and closes the connection once the answer is sent: the rest of the body is never
     * read, so the connection cannot carry another request.
     */
    public void refuse(RoutingContext ctx) {
        // The platform's type for this rule (platform-commons refuses oversized bodies in the services with it).
        problems.sendAndClose(ctx, Problem.of("body-too-large", "Payload too large", 413,
                "The request body exceeds the gateway's limit of " + readable(limit)));
    }

    static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
