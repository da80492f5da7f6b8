package fr.territoires.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service answers which path (DESIGN.md §1), and the few reads open to everyone
 * (DESIGN.md §4: the territory list and a territory's public profile — identity, governance,
 * industrial profile and the sites offered to investors). Plain rules, no framework.
 */
public final class RouteTable {

    record Route(String prefix, String service) {

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }

        /**
         * What the gateway's metrics and spans name a request on this route by: the route, never the path
         * ({@code /api/territories/**} for {@code /api/territories/ti-4420/sites}, the prefix alone for the
         * prefix). A path holds territory codes, ids and whatever a caller writes: named by it, each would
         * be a series of its own. The services name their requests by their own templates.
         */
        String metricName(String path) {
            return prefix.equals(path) ? prefix : prefix + "/**";
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/api/territories", "territory-service"),
            new Route("/api/communes", "territory-service"),
            new Route("/api/epcis", "territory-service"),
            new Route("/api/funding", "funding-service"),
            new Route("/api/recruitment", "recruitment-service"));

    /**
     * The list (and its open-data export, and the outlines of a phase: /api/territories/outlines), one
     * territory's profile, its governance, its industrial profile, its outline and its sites:
     * /api/territories[/{code}[/governance|/industrial-profile|/outline|/sites[/{id}]]].
     */
    private static final Pattern PUBLIC_REGISTRY = Pattern.compile(
            "^/api/territories(/[^/]+(/(governance|industrial-profile|outline|sites(/[^/]+)?))?)?/?$");

    private RouteTable() {
    }

    /** What the gateway answers itself under a service's prefix: a territory's dashboard, which combines all three. */
    private static final Pattern GATEWAY_OWN = Pattern.compile("^/api/territories/[^/]+/dashboard/?$");

    /** The service that owns this path, if any. */
    public static Optional<String> serviceFor(String path) {
        return routeFor(path).map(Route::service);
    }

    /** What the gateway's metrics name a request on this path by, if it is forwarded ({@link Route#metricName}). */
    public static Optional<String> metricRoute(String path) {
        return routeFor(path).map(r -> r.metricName(path));
    }

    /** The route this path is forwarded on, if any: its service and its name in metrics, looked up once. */
    static Optional<Route> routeFor(String path) {
        if (path.contains("/../") || path.endsWith("/..") || GATEWAY_OWN.matcher(path).matches()) {
            return Optional.empty(); // never let a path climb out of its route; the gateway's own resources
        }
        return ROUTES.stream().filter(r -> r.matches(path)).findFirst();
    }

    /** Whether a request needs no token: only reads of the open-data registry. */
    public static boolean isPublic(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && PUBLIC_REGISTRY.matcher(path).matches();
    }
}
