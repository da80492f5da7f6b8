package fr.territoires.commons.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the service accepts with 413 problem+json: 1 MiB for ordinary
 * requests, more for bulk uploads (paths ending in {@code /import}). A declared Content-Length is
 * judged before a byte is read. A body without one (chunked) is counted as it arrives, and refused
 * as soon as it passes the limit, before anything parses it (issue 14: a chunked body used to skip
 * the limit and be parsed whole).
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBody;
    private final long maxBulkBody;
    private final ObjectMapper json;
    private final boolean countChunked;
    /** Readers of a chunked body, one per limit, shared by every request (a body handler keeps no request state). */
    private final BodyHandler chunked;
    private final BodyHandler chunkedBulk;

    /**
     * {@code platform.http.count-chunked-bodies=false} in the gateway: it streams bodies to the services
     * and counts them itself as they pass (RequestBodyLimit), so it must not read them here.
     */
    public BodySizeLimit(@ConfigProperty(name = "platform.http.max-body-size", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "platform.http.max-bulk-body-size", defaultValue = "32M") MemorySize maxBulkBody,
            @ConfigProperty(name = "platform.http.count-chunked-bodies", defaultValue = "true") boolean countChunked,
            ObjectMapper json) {
        this.maxBody = maxBody.asLongValue();
        this.maxBulkBody = maxBulkBody.asLongValue();
        this.countChunked = countChunked;
        this.chunked = BodyHandler.create(false).setBodyLimit(this.maxBody);
        this.chunkedBulk = BodyHandler.create(false).setBodyLimit(this.maxBulkBody);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-3000).handler(this::check).failureHandler(this::streamedTooLarge);
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
        if (declared < 0 && countChunked && isChunked(ctx)) {
            // Read here, counted, into the context (where Quarkus REST takes it from); past the limit the
            // body handler stops reading and fails the request with 413, which streamedTooLarge answers.
            (limit == maxBulkBody ? chunkedBulk : chunked).handle(ctx);
            return;
        }
        if (declared <= limit) {
            ctx.next();
            return;
        }
        refuse(ctx, "the request body has " + declared + " bytes", limit);
    }

    private static boolean isChunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private void streamedTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        refuse(ctx, "the chunked request body went past the limit", limitFor(ctx.request().path()));
    }

    private void refuse(RoutingContext ctx, String what, long limit) {
        Problem problem = new Problem(java.net.URI.create(Problem.TYPE_BASE + "body-too-large"), "Payload too large", 413,
                "body: " + what + "; this endpoint accepts at most " + limit + " bytes",
                ctx.request().path(), List.of(new Problem.FieldError("body", "must be at most " + limit + " bytes")));
        try {
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
