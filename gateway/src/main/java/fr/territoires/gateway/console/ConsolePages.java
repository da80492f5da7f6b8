package fr.territoires.gateway.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The web console's deep links: a GET of a console address that no file answers (e.g.
 * /territoires/ti-4420, typed or reloaded) gets the console's index.html, whose router shows the page.
 * The console's files themselves (web-console jar, META-INF/resources) are served by Quarkus; the
 * API (/api) and the tools (/q) keep their own 404s.
 */
@ApplicationScoped
public class ConsolePages {

    /** After Quarkus's own handlers (REST resources, static files): only what nobody answered. */
    static final int ORDER = Integer.MAX_VALUE - 1_000;

    private final Optional<Buffer> index = readIndex();

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::fallback);
    }

    private void fallback(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (index.isEmpty() || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                || !isConsoleRoute(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8").putHeader("Cache-Control", "no-cache");
        if (HttpMethod.HEAD.equals(method)) {
            ctx.response().putHeader("Content-Length", String.valueOf(index.get().length())).end();
        } else {
            ctx.response().end(index.get());
        }
    }

    /** A page of the console: not the API, not the tools, and not a file name (those 404 when absent). */
    static boolean isConsoleRoute(String path) {
        if (path == null || !path.startsWith("/") || isApiOrTool(path)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    /** The API and Quarkus's tools (Swagger UI, health, metrics): never the console. */
    public static boolean isApiOrTool(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/");
    }

    private static Optional<Buffer> readIndex() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
