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
 * The web console's pages: a GET of a console address that is not one of its files (e.g. /,
 * /territoires/ti-4420, typed or reloaded) gets the console's index.html, whose router shows the page.
 * The console's files themselves (web-console jar, META-INF/resources) are served by Quarkus; the
 * API (/api) and the tools (/q) keep their own 404s.
 */
@ApplicationScoped
public class ConsolePages {

    /** Right after the security headers (-10000), before the API's handlers and their 404 problem. */
    static final int ORDER = -9_000;

    private final Optional<Buffer> index = readIndex();

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::fallback);
    }

    private void fallback(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (index.isEmpty() || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                || !isConsoleRoute(ctx.normalizedPath()) || isFile(ctx.normalizedPath())) {
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

    /** One of the console's files, which Quarkus serves itself ("/" is its index.html). */
    private static boolean isFile(String path) {
        return !path.endsWith("/")
                && Thread.currentThread().getContextClassLoader().getResource("META-INF/resources" + path) != null;
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
