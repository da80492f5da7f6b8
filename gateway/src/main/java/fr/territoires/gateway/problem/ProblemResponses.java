package fr.territoires.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemMappers;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the gateway's own refusals (401, 413, 429, 503…) as RFC 9457 problem+json, like every
 * error of the platform (DESIGN.md §5), with the request path as {@code instance}.
 */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * For an answer given while the request body is still unread (refused before or while
     * streaming it): the unread rest cannot be skipped on a kept-alive HTTP/1.1 connection, so the
     * connection is closed once the answer is sent. HTTP/2 ends just the stream.
     */
    public void sendAndClose(RoutingContext ctx, Problem problem) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            // addEndHandler, not response().endHandler(), which would replace the routing context's own
            ctx.addEndHandler(ended -> request.connection().close());
        }
        send(ctx, problem);
    }

    public void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(ProblemMappers.withTrace(problem.withInstance(ctx.normalizedPath()))));
        } catch (JsonProcessingException e) {
            ctx.fail(500, e);
        }
    }
}
