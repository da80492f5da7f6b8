package fr.territoires.gateway.headers;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Quarkus's CORS filter refuses an unknown origin (403, no Access-Control-Allow-Origin) but still
 * lists the allowed methods and headers in its answer. Without an allowed origin these headers mean
 * nothing to a browser, so an origin the gateway refuses gets none of them.
 */
@ApplicationScoped
public class RefusedOrigins {

    void install(@Observes Router router) {
        router.route().order(SecurityHeaders.ORDER).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.ORIGIN)) {
            ctx.addHeadersEndHandler(v -> strip(ctx.response().headers()));
        }
        ctx.next();
    }

    static void strip(MultiMap headers) {
        if (!headers.contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            List<String> names = headers.names().stream()
                    .filter(n -> n.regionMatches(true, 0, "Access-Control-", 0, 15)).toList();
            names.forEach(headers::remove);
        }
    }
}
