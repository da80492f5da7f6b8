package fr.territoires.gateway.protection;

import fr.territoires.commons.problem.Problem;
import fr.territoires.gateway.GatewayConfig;
import fr.territoires.gateway.identity.Caller;
import fr.territoires.gateway.problem.ProblemResponses;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;

/**
 * Requests to /api/** per client (gateway.rate-limit.*): over the rate, 429 problem+json with
 * Retry-After. A client is the OAuth client and the subject of its token, so that two users of the
 * web console, or two partners' service accounts, never share a budget; an anonymous caller is its
 * address (behind a reverse proxy, turn on quarkus.http.proxy.proxy-address-forwarding).
 */
@ApplicationScoped
public class RateLimit {

    /** After authentication (order -200), which tells who the caller is; before the body limit (-3). */
    private static final int ORDER = -4;
    private static final long FORGET_IDLE_EVERY_MS = 60_000;

    private final RateLimiter limiter;
    private final ProblemResponses problems;

    public RateLimit(GatewayConfig config, ProblemResponses problems, Vertx vertx) {
        this.limiter = new RateLimiter(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(),
                System::nanoTime);
        this.problems = problems;
        vertx.setPeriodic(FORGET_IDLE_EVERY_MS, id -> limiter.forgetIdle());
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        RateLimiter.Decision decision = limiter.acquire(clientOf(ctx));
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        long seconds = decision.retryAfterSeconds();
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        problems.send(ctx, Problem.of("rate-limited", "Too many requests", 429,
                "More than " + BigDecimal.valueOf(limiter.ratePerSecond()).stripTrailingZeros().toPlainString()
                        + " requests per second (bursts of " + limiter.burst() + ") from this client; retry in "
                        + seconds + " s"));
    }

    static String clientOf(RoutingContext ctx) {
        if (Caller.isAnonymous(ctx)) {
            return "address " + (ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress());
        }
        return "client " + Caller.clientId(ctx) + " subject " + Caller.subject(ctx);
    }
}
