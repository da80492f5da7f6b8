package fr.territoires.commons.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the service accepts with 413 problem+json, before reading it: 1 MiB
 * for ordinary requests, more for bulk uploads (paths ending in {@code /import}). A chunked body
 * without Content-Length is still cut by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBody;
    private final long maxBulkBody;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "platform.http.max-body-size", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "platform.http.max-bulk-body-size", defaultValue = "32M") MemorySize maxBulkBody,
            ObjectMapper json) {
        this.maxBody = maxBody.asLongValue();
        this.maxBulkBody = maxBulkBody.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-3000).handler(this::check);
    }

    /** The limit for a path: bulk uploads get the larger one. */
    public long limitFor(String path) {
        return path != null && path.endsWith("/import") ? maxBulkBody : maxBody;
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(ctx.request().path());
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= limit) {
            ctx.next();
            return;
        }
        Problem problem = new Problem(java.net.URI.create(Problem.TYPE_BASE + "body-too-large"), "Payload too large", 413,
                "body: the request body has " + declared + " bytes; this endpoint accepts at most " + limit + " bytes",
                ctx.request().path(), List.of(new Problem.FieldError("body", "must be at most " + limit + " bytes")));
        try {
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
