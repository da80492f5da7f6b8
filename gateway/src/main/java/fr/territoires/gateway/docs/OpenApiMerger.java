package fr.territoires.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for the whole platform from the services' own (and the gateway's): their
 * paths (disjoint by route), tags, and components. Two services defining the same schema name
 * identically share it; defined differently, the later one is renamed {@code <service>.<name>} and
 * its references follow. The merged document declares the OpenAPI version its sources use (3.1),
 * the servers partners call, and the answers the gateway itself may give to any routed call (429,
 * 503) with the shared problem schema. Plain JSON work, no I/O.
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A service's document, or null when it did not answer. */
    public record Source(String service, JsonNode document) {
    }

    private OpenApiMerger() {
    }

    /** An address where the platform's API is served. */
    public record Server(String url, String description) {
    }

    /** The OpenAPI version of the merged document when no source says one. */
    static final String DEFAULT_VERSION = "3.1.0";

    public static ObjectNode merge(String title, String version, List<Server> servers, List<Source> sources) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", sources.stream().map(Source::document)
                .filter(d -> d != null && d.path("openapi").asText().startsWith("3.1"))
                .map(d -> d.path("openapi").asText()).findFirst().orElse(DEFAULT_VERSION));
        merged.putObject("info").put("title", title).put("version", version)
                .put("description", "Every service's API as the gateway serves it; one bearer token from the realm "
                        + "territoires for all of them (client credentials for a partner's service account). Errors are "
                        + "application/problem+json (RFC 9457). Partner guide: docs/partners.md.");
        ArrayNode serverList = merged.putArray("servers");
        servers.forEach(s -> serverList.addObject().put("url", s.url()).put("description", s.description()));
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        ArrayNode unavailable = JSON.arrayNode();
        for (Source source : sources) {
            if (source.document() == null || !source.document().has("paths")) {
                unavailable.add(source.service());
                continue;
            }
            JsonNode doc = source.document().deepCopy();
            Map<String, String> renamed = mergeSchemas(source.service(), doc, components);
            if (!renamed.isEmpty()) {
                rewriteRefs(doc, renamed);
            }
            doc.path("paths").fields().forEachRemaining(p -> paths.set(p.getKey(), p.getValue()));
            mergeOtherComponents(doc.path("components"), components);
            doc.path("tags").forEach(tag -> {
                boolean known = false;
                for (JsonNode t : tags) {
                    known |= t.path("name").equals(tag.path("name"));
                }
                if (!known) {
                    tags.add(tag);
                }
            });
        }
        if (!unavailable.isEmpty()) {
            merged.set("x-unavailable-services", unavailable);
        }
        if (components.path("schemas").has(PROBLEM)) {
            gatewayAnswers(paths);
        }
        return merged;
    }

    private static final String PROBLEM = "Problem";

    /** What the gateway answers by itself for any call it routes (docs/gateway.md). */
    private static void gatewayAnswers(ObjectNode paths) {
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue() instanceof ObjectNode operation && operation.has("responses")) {
                ObjectNode responses = (ObjectNode) operation.get("responses");
                problem(responses, "429", "Too many requests from this client; Retry-After says when to try again");
                problem(responses, "503", "The service behind this route cannot be reached now; try again later");
            }
        }));
    }

    private static void problem(ObjectNode responses, String status, String description) {
        if (!responses.has(status)) {
            responses.putObject(status).put("description", description).putObject("content")
                    .putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/" + PROBLEM);
        }
    }

    private static Map<String, String> mergeSchemas(String service, JsonNode doc, ObjectNode components) {
        Map<String, String> renamed = new LinkedHashMap<>();
        JsonNode schemas = doc.path("components").path("schemas");
        ObjectNode target = components.has("schemas") ? (ObjectNode) components.get("schemas") : components.putObject("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            JsonNode existing = target.get(schema.getKey());
            if (existing == null || existing.equals(schema.getValue())) {
                target.set(schema.getKey(), schema.getValue());
            } else {
                String name = service + "." + schema.getKey();
                renamed.put("#/components/schemas/" + schema.getKey(), "#/components/schemas/" + name);
                target.set(name, schema.getValue());
            }
        }
        // The renamed schemas may refer to each other: rewrite inside them too.
        renamed.values().forEach(ref -> rewriteRefs(target.get(ref.substring("#/components/schemas/".length())), renamed));
        return renamed;
    }

    private static void mergeOtherComponents(JsonNode from, ObjectNode components) {
        from.fields().forEachRemaining(kind -> {
            if (!kind.getKey().equals("schemas")) {
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> target.set(c.getKey(), c.getValue()));
            }
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.put("$ref", renamed.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renamed));
        }
    }
}
