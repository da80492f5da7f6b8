package fr.territoires.gateway.headers;

import fr.territoires.gateway.GatewayConfig;
import fr.territoires.gateway.console.ConsolePages;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * Browser-hardening headers on every response of the gateway: its own problems, CORS answers, and
 * proxied responses (set last, so a service's own values cannot weaken them).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Before every other handler, the CORS filter (order -300) and authentication (-200) included. */
    static final int ORDER = -10_000;

    private final Optional<String> strictTransportSecurity;
    private final String contentSecurityPolicy;
    private final List<String> cspExemptPaths;
    private final String consoleContentSecurityPolicy;

    public SecurityHeaders(GatewayConfig config) {
        GatewayConfig.SecurityHeaders headers = config.securityHeaders();
        this.strictTransportSecurity = headers.strictTransportSecurity().filter(v -> !v.isBlank());
        this.contentSecurityPolicy = headers.contentSecurityPolicy();
        this.cspExemptPaths = headers.cspExemptPaths();
        this.consoleContentSecurityPolicy = headers.consoleContentSecurityPolicy();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        // When the headers are written, whoever writes them: a handler that ends the response early
        // (CORS preflight, 401, 413) gets them too.
        ctx.addHeadersEndHandler(v -> apply(ctx.normalizedPath(), ctx.response().headers()));
        ctx.next();
    }

    void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        // Browsers ignore it over plain HTTP (RFC 6797 §8.1), so it is safe to send always.
        strictTransportSecurity.ifPresent(v -> headers.set("Strict-Transport-Security", v));
        // 'none' fits JSON; the HTML tools under /q/ (Swagger UI) need scripts and styles; the console's
        // pages need their own scripts, styles and the identity provider, never an inline script.
        if (cspExemptPaths.stream().anyMatch(path::startsWith)) {
            return;
        }
        headers.set("Content-Security-Policy",
                ConsolePages.isApiOrTool(path) ? contentSecurityPolicy : consoleContentSecurityPolicy);
    }
}
