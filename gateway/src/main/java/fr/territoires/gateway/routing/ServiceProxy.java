package fr.territoires.gateway.routing;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.tracing.CorrelationIdFilter;
import fr.territoires.gateway.GatewayConfig;
import fr.territoires.gateway.identity.Caller;
import fr.territoires.gateway.problem.ProblemResponses;
import fr.territoires.gateway.protection.CircuitBreaker;
import fr.territoires.gateway.protection.CircuitBreakers;
import fr.territoires.gateway.protection.RequestBodyLimit;
import fr.territoires.commons.outage.OutageConfig;
import fr.territoires.commons.outage.Outages;
import fr.territoires.commons.outage.SigningKeys;
import fr.territoires.commons.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Forwards /api/** to the owning service, streaming request and response bodies (nothing is
 * buffered), with the caller's token, a correlation id and forwarding headers. A service that does
 * not answer gives a problem+json naming it; the other routes are not affected. A bodyless
 * idempotent request is tried again when the service could not be reached (RetryPolicy); each
 * service has its circuit breaker, which stops calling it after repeated failures.
 */
@ApplicationScoped
public class ServiceProxy {

    public static final String CORRELATION_ID = CorrelationIdFilter.HEADER;
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /**
     * Hop-by-hop headers (RFC 9110 §7.6.1) never cross a proxy; Host is the upstream's own; Expect is
     * answered by the gateway itself (100 Continue once its checks pass).
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "expect");
    /**
     * The caller's W3C trace context is not copied: the gateway's own span (a child of the caller's)
     * is what the service continues, and OpenTelemetry's HTTP client instrumentation sends it.
     * Copied as well, the service would receive two traceparent headers.
     */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate", "baggage");
    /** The key under which Quarkus's HTTP metrics (and its REST layer) keep a request's route template. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final ProblemResponses problems;
    private final RequestBodyLimit bodyLimit;
    private final RetryPolicy retryPolicy;
    private final CircuitBreakers breakers;
    private final Vertx vertx;
    private final HttpClient client;

    private final SigningKeys signingKeys;
    private final OutageConfig outage;

    public ServiceProxy(GatewayConfig config, ProblemResponses problems, RequestBodyLimit bodyLimit,
            CircuitBreakers breakers, Vertx vertx, ServiceClient services, SigningKeys signingKeys, OutageConfig outage) {
        this.signingKeys = signingKeys;
        this.outage = outage;
        this.config = config;
        this.problems = problems;
        this.bodyLimit = bodyLimit;
        this.retryPolicy = new RetryPolicy(config.retry().maxRetries(), config.retry().backoff());
        this.breakers = breakers;
        this.vertx = vertx;
        this.client = services.http();
    }

    void install(@Observes Router router) {
        // A token that fails validation is refused here, before any routing, as problem+json.
        router.route().order(-1000).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            // An authentication that failed, or Quarkus OIDC unable to initialise its tenant because
            // Keycloak is away (the gateway started without it): the token decides between 503 and 401.
            boolean authentication = failure instanceof AuthenticationFailedException
                    || failure instanceof io.quarkus.oidc.OIDCException && Outages.isUnavailable(failure);
            if (authentication && signingKeys.unavailable(failure, ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
                // Keycloak's keys could not be fetched: the token may well be valid; come back later.
                LOG.warnf("Identity provider unavailable: %s", failure.toString());
                ctx.response().putHeader("Retry-After", ProblemMappers.retryAfterSeconds(outage.retryAfter()));
                problems.send(ctx, Problem.of("dependency-unavailable", "Service unavailable", 503,
                        "The identity provider is unavailable for a moment; try again later"));
            } else if (authentication) {
                unauthenticated(ctx);
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").handler(this::route);
    }

    private void route(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        var route = RouteTable.routeFor(path);
        if (route.isEmpty()) {
            ctx.next(); // the gateway's own resources (e.g. /api/me)
            return;
        }
        // Metrics and spans name the request by its route (Quarkus reads this local of the request's context).
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, route.get().metricName(path));
        if (!RouteTable.isPublic(ctx.request().method().name(), path) && Caller.isAnonymous(ctx)) {
            unauthenticated(ctx);
            return;
        }
        forward(ctx, route.get().service(), path);
    }

    private void forward(RoutingContext ctx, String service, String path) {
        HttpServerRequest in = ctx.request();
        in.pause(); // hold the body until the upstream request can take it
        boolean hasBody = !RequestBodies.isAbsent(in);
        if (!hasBody) {
            in.resume(); // nothing to read but the end of the request
        }
        attempt(new Forwarding(ctx, service, breakers.of(service), path,
                CorrelationIdFilter.acceptOrCreate(in.getHeader(CORRELATION_ID)), hasBody,
                retryPolicy.mayRetry(in.method(), hasBody)));
    }

    private void attempt(Forwarding call) {
        if (call.ctx.response().closed()) {
            return; // the caller went away while waiting for a retry
        }
        if (!call.breaker.tryAcquire()) {
            circuitOpen(call);
            return;
        }
        call.attempts++;
        HttpServerRequest in = call.ctx.request();
        URI target = config.services().get(call.service).url();
        String query = in.query();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(call.path + (query == null ? "" : "?" + query))
                .setTimeout(config.requestTimeout().toMillis());
        client.request(options).onSuccess(out -> {
            copyHeaders(in.headers(), out.headers());
            out.putHeader(CORRELATION_ID, call.correlationId);
            out.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
            out.putHeader("X-Forwarded-Proto", in.scheme());
            out.putHeader("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
            Future<HttpClientResponse> response = call.hasBody ? streamBody(call, out) : out.send();
            response.onSuccess(r -> {
                if (call.breaker.onSuccess()) {
                    LOG.infof("Circuit of %s closed: it answers again", call.service);
                }
                relay(call.ctx, r, call.correlationId);
            }).onFailure(e -> noAnswer(call, e));
        }).onFailure(e -> noAnswer(call, e));
    }

    /**
     * Streams the caller's body to the service as it arrives (nothing is buffered), counting it: a body
     * without Content-Length that grows beyond the limit is cut off and answered 413.
     */
    private Future<HttpClientResponse> streamBody(Forwarding call, HttpClientRequest out) {
        HttpServerRequest in = call.ctx.request();
        if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            in.response().writeContinue(); // every check has passed: the caller may send its body now
        }
        long[] received = {0};
        in.handler(chunk -> {
            if (call.bodyRefused) {
                return;
            }
            received[0] += chunk.length();
            if (bodyLimit.exceeds(received[0])) {
                refuseBody(call, out);
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> {
            if (!call.bodyRefused) {
                out.end();
            }
        });
        in.exceptionHandler(e -> out.reset(0, e)); // the caller went away: so does the service's request
        in.resume();
        return out.response();
    }

    private void refuseBody(Forwarding call, HttpClientRequest out) {
        call.bodyRefused = true;
        HttpServerRequest in = call.ctx.request();
        in.pause();
        out.reset(); // the service sees a cut request, never a whole one
        LOG.infof("Request body of %s %s [%s] cut off above the limit", in.method(), call.ctx.normalizedPath(),
                call.correlationId);
        if (!call.ctx.response().headWritten()) {
            bodyLimit.refuse(call.ctx);
        } else if (in.version() == HttpVersion.HTTP_2) {
            call.ctx.response().reset(); // the service had already answered: cut that answer
        } else {
            in.connection().close();
        }
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
        response.pipeTo(new ToCaller(out, response));
    }

    /**
     * The caller's answer as the relay's destination. A caller may hang up while the service's answer is still
     * coming: from then on its answer is closed, and each later piece written to it would be an error ("Response has
     * already been written", logged by Vert.x, whatever the order in which the close and the piece reach the event
     * loop). What is left is dropped, and the service's request reset, which closes its connection: no more of it
     * is read for nobody.
     */
    private static final class ToCaller implements WriteStream<Buffer> {

        private final HttpServerResponse out;
        private final HttpClientResponse from;

        ToCaller(HttpServerResponse out, HttpClientResponse from) {
            this.out = out;
            this.from = from;
        }

        private boolean callerGone() {
            if (out.closed() || out.ended()) {
                from.request().reset();
                return true;
            }
            return false;
        }

        @Override
        public Future<Void> write(Buffer data) {
            return callerGone() ? Future.succeededFuture() : out.write(data);
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> done) {
            if (callerGone()) {
                done.handle(Future.succeededFuture());
            } else {
                out.write(data, done);
            }
        }

        @Override
        public Future<Void> end() {
            return callerGone() ? Future.succeededFuture() : out.end();
        }

        @Override
        public void end(Handler<AsyncResult<Void>> done) {
            if (callerGone()) {
                done.handle(Future.succeededFuture());
            } else {
                out.end(done);
            }
        }

        @Override
        public boolean writeQueueFull() {
            return !callerGone() && out.writeQueueFull();
        }

        @Override
        public ToCaller setWriteQueueMaxSize(int maxSize) {
            out.setWriteQueueMaxSize(maxSize);
            return this;
        }

        @Override
        public ToCaller drainHandler(Handler<Void> handler) {
            out.drainHandler(handler);
            return this;
        }

        @Override
        public ToCaller exceptionHandler(Handler<Throwable> handler) {
            out.exceptionHandler(handler);
            return this;
        }
    }

    /**
     * The service gave no answer: try again if the request may be retried and nothing has been
     * answered yet; otherwise a problem naming the service.
     */
    private void noAnswer(Forwarding call, Throwable e) {
        if (call.bodyRefused) {
            call.breaker.release(); // the gateway cut the request itself, and has answered
            return;
        }
        RoutingContext ctx = call.ctx;
        if (ctx.response().closed()) {
            call.breaker.release(); // the caller went away: says nothing about the service, and no one to answer
            return;
        }
        if (call.breaker.onFailure()) {
            LOG.warnf("Circuit of %s opened after %d consecutive failures: not called for %s", call.service,
                    call.breaker.failureThreshold(), config.circuitBreaker().openDuration());
        }
        NoAnswer kind = NoAnswer.of(e);
        if (call.retryable && kind.worthRetrying && !ctx.response().headWritten()
                && retryPolicy.allowsAnotherAfter(call.attempts)) {
            long delay = retryPolicy.delayBefore(call.attempts).toMillis();
            LOG.infof("%s did not answer %s %s [%s], attempt %d: %s; trying again in %d ms", call.service,
                    ctx.request().method(), call.path, call.correlationId, call.attempts, e.toString(), delay);
            vertx.setTimer(Math.max(1, delay), id -> attempt(call));
            return;
        }
        LOG.warnf("%s did not answer %s %s [%s] (%d attempt(s)): %s", call.service, ctx.request().method(),
                call.path, call.correlationId, call.attempts, e.toString());
        if (ctx.response().headWritten()) {
            ctx.response().reset(); // the answer had started: cut it rather than corrupt it
            return;
        }
        ctx.response().putHeader(CORRELATION_ID, call.correlationId);
        if (kind.timedOut()) {
            answer(call, Problem.of("upstream-timeout", "Gateway timeout", kind.status,
                    call.service + " did not answer in time"));
        } else {
            ctx.response().putHeader("Retry-After", "5");
            answer(call, Problem.of("service-unavailable", "Service unavailable", kind.status,
                    call.service + " is unavailable; other services keep working"));
        }
    }

    /** The service's circuit is open: answered at once, without calling it. */
    private void circuitOpen(Forwarding call) {
        long seconds = Math.max(1, (call.breaker.retryAfter().toMillis() + 999) / 1000);
        call.ctx.response().putHeader(CORRELATION_ID, call.correlationId).putHeader("Retry-After", Long.toString(seconds));
        answer(call, Problem.of("service-unavailable", "Service unavailable", 503,
                call.service + " is unavailable; after " + call.breaker.failureThreshold()
                        + " consecutive failures the gateway stops calling it for a while (next try in " + seconds
                        + " s); other services keep working"));
    }

    /** The gateway answers instead of the service; a body it has not read closes the connection. */
    private void answer(Forwarding call, Problem problem) {
        if (call.hasBody && !call.ctx.request().isEnded()) {
            problems.sendAndClose(call.ctx, problem);
        } else {
            problems.send(call.ctx, problem);
        }
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
        if (!HOP_BY_HOP.contains(name.toLowerCase()) && !TRACE_CONTEXT.contains(name.toLowerCase())
                && !name.equalsIgnoreCase(CORRELATION_ID)) {
            to.add(name, value);
        }
    }

    /** One request on its way to a service, over one or more attempts. */
    private static final class Forwarding {
        final RoutingContext ctx;
        final String service;
        final CircuitBreaker breaker;
        final String path;
        final String correlationId;
        final boolean hasBody;
        /** Whether this request may be sent again if the service cannot be reached (RetryPolicy). */
        final boolean retryable;
        int attempts;
        /** Set once the body went over the limit: the gateway answers, not the service. */
        boolean bodyRefused;

        Forwarding(RoutingContext ctx, String service, CircuitBreaker breaker, String path, String correlationId,
                boolean hasBody, boolean retryable) {
            this.ctx = ctx;
            this.service = service;
            this.breaker = breaker;
            this.path = path;
            this.correlationId = correlationId;
            this.hasBody = hasBody;
            this.retryable = retryable;
        }
    }
}
