package fr.territoires.gateway.access;

import fr.territoires.commons.tracing.CorrelationIdFilter;
import fr.territoires.gateway.identity.Caller;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * One line per request in the category {@code fr.territoires.gateway.access}: method, path (no
 * query: it may carry personal data), status, duration, correlation id and the caller's OAuth client.
 * The correlation id is settled here, first, so that the log line, the proxy, the gateway's own
 * resources and every response (refusals included) carry the same one.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "fr.territoires.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String HEADER = CorrelationIdFilter.HEADER;
    /** Right after the security headers, before CORS and authentication, which may answer alone. */
    private static final int ORDER = -9_999;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        long start = System.nanoTime();
        String correlationId = CorrelationIdFilter.acceptOrCreate(ctx.request().getHeader(HEADER));
        // Later handlers read the request's header: the proxy and the services' filter keep a safe id as it is.
        ctx.request().headers().set(HEADER, correlationId);
        ctx.addHeadersEndHandler(v -> {
            if (!ctx.response().headers().contains(HEADER)) {
                ctx.response().putHeader(HEADER, correlationId);
            }
        });
        ctx.addEndHandler(ended -> LOG.infof("%s %s %d%s %d ms correlation=%s client=%s",
                ctx.request().method().name(), ctx.normalizedPath(), ctx.response().getStatusCode(),
                ended.succeeded() ? "" : " (connection closed before the end)",
                (System.nanoTime() - start) / 1_000_000, correlationId, Caller.clientId(ctx)));
        ctx.next();
    }
}
