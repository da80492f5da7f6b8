package fr.territoires.gateway.routing;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.tracing.CorrelationIdFilter;
import fr.territoires.gateway.GatewayConfig;
import fr.territoires.gateway.identity.Caller;
import fr.territoires.gateway.problem.ProblemResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards /api/** to the owning service, streaming request and response bodies (nothing is
 * buffered), with the caller's token, a correlation id and forwarding headers. A service that does
 * not answer gives a problem+json naming it; the other routes are not affected.
 */
@ApplicationScoped
public class ServiceProxy {

    public static final String CORRELATION_ID = CorrelationIdFilter.HEADER;
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** Hop-by-hop headers (RFC 9110 §7.6.1) never cross a proxy; Host is the upstream's own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final GatewayConfig config;
    private final ProblemResponses problems;
    private final HttpClient client;

    public ServiceProxy(GatewayConfig config, ProblemResponses problems, Vertx vertx) {
        this.config = config;
        this.problems = problems;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    void install(@Observes Router router) {
        // A token that fails validation is refused here, before any routing, as problem+json.
        router.route().order(-1000).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException) {
                unauthenticated(ctx);
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").handler(this::route);
    }

    private void route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        var service = RouteTable.serviceFor(path);
        if (service.isEmpty()) {
            ctx.next(); // the gateway's own resources (e.g. /api/me)
            return;
        }
        if (!RouteTable.isPublic(ctx.request().method().name(), path) && Caller.isAnonymous(ctx)) {
            unauthenticated(ctx);
            return;
        }
        forward(ctx, service.get(), path);
    }

    private void forward(RoutingContext ctx, String service, String path) {
        HttpServerRequest in = ctx.request();
        in.pause(); // hold the body until the upstream request can take it
        URI target = config.services().get(service).url();
        String query = in.query();
        String correlationId = CorrelationIdFilter.acceptOrCreate(in.getHeader(CORRELATION_ID));
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(path + (query == null ? "" : "?" + query))
                .setTimeout(config.requestTimeout().toMillis());
        client.request(options).onSuccess(out -> {
            copyHeaders(in.headers(), out.headers());
            out.putHeader(CORRELATION_ID, correlationId);
            out.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
            out.putHeader("X-Forwarded-Proto", in.scheme());
            out.putHeader("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
            out.send(in).onSuccess(response -> relay(ctx, response, correlationId))
                    .onFailure(e -> upstreamFailed(ctx, service, correlationId, e));
        }).onFailure(e -> upstreamFailed(ctx, service, correlationId, e));
    }

    private static void relay(RoutingContext ctx, HttpClientResponse response, String correlationId) {
        HttpServerResponse out = ctx.response();
        out.setStatusCode(response.statusCode());
        for (var header : response.headers()) {
            // CORS is the gateway's answer to the browser: a service's own CORS headers would contradict it.
            if (!header.getKey().regionMatches(true, 0, "Access-Control-", 0, 15)) {
                copyHeader(header.getKey(), header.getValue(), out.headers());
            }
        }
        out.putHeader(CORRELATION_ID, correlationId);
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        response.pipeTo(out);
    }

    private void upstreamFailed(RoutingContext ctx, String service, String correlationId, Throwable e) {
        LOG.warnf("%s did not answer %s %s [%s]: %s", service, ctx.request().method(), ctx.normalizedPath(),
                correlationId, e.toString());
        if (ctx.response().headWritten()) {
            ctx.response().reset(); // the answer had started: cut it rather than corrupt it
            return;
        }
        boolean timedOut = e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout");
        int status = timedOut ? 504 : 503;
        Problem problem = Problem.of(timedOut ? "upstream-timeout" : "service-unavailable",
                timedOut ? "Gateway timeout" : "Service unavailable", status,
                service + (timedOut ? " did not answer in time" : " is unavailable; other services keep working"));
        ctx.response().putHeader(CORRELATION_ID, correlationId);
        if (!timedOut) {
            ctx.response().putHeader("Retry-After", "5");
        }
        problems.send(ctx, problem);
    }

    private void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        problems.send(ctx, Problem.of("unauthenticated", "Unauthorized", 401,
                "A valid bearer token from the territoires realm is required"));
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        for (var header : from) {
            copyHeader(header.getKey(), header.getValue(), to);
        }
    }

    private static void copyHeader(String name, String value, MultiMap to) {
        if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase(CORRELATION_ID)) {
            to.add(name, value);
        }
    }
}
