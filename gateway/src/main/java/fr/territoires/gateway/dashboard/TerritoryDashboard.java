package fr.territoires.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A territory's dashboard from the parts the services answered: the registry's profile (with the
 * perimeter's summary), funding by priority, recruitment this month and its shortage jobs. A part
 * that could not be had is null and named in {@code missing} with the reason, so a service being
 * down costs its part only. Plain composition, no I/O.
 */
public final class TerritoryDashboard {

    /** One service's answer: its HTTP status (0 when it did not answer) and body. */
    public record Part(String name, String service, int status, JsonNode body) {

        boolean answered() {
            return status >= 200 && status < 300 && body != null;
        }

        String reason() {
            return switch (status) {
                case 0 -> "unavailable";
                case 401, 403 -> "not allowed for your role or scope";
                case 404 -> "not known to " + service;
                default -> status >= 500 ? "unavailable" : "refused (" + status + ")";
            };
        }
    }

    private TerritoryDashboard() {
    }

    public static ObjectNode compose(String code, List<Part> parts) {
        ObjectNode dashboard = JsonNodeFactory.instance.objectNode();
        dashboard.put("code", code);
        var missing = JsonNodeFactory.instance.arrayNode();
        ObjectNode recruitment = null;
        for (Part part : parts) {
            String[] path = part.name().split("\\.");
            JsonNode value = part.answered() ? part.body() : null;
            if (!part.answered()) {
                missing.addObject().put("part", part.name()).put("service", part.service()).put("reason", part.reason());
            }
            if (path.length == 1) {
                dashboard.set(path[0], value);
            } else {
                if (recruitment == null) {
                    recruitment = dashboard.putObject(path[0]);
                }
                recruitment.set(path[1], value);
            }
        }
        dashboard.set("missing", missing);
        return dashboard;
    }
}
