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
 * One OpenAPI document for the whole platform from the services' own: their paths (disjoint by
 * route), tags, and components. Two services defining the same schema name identically share it;
 * defined differently, the later one is renamed {@code <service>.<name>} and its references follow.
 * Plain JSON work, no I/O.
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A service's document, or null when it did not answer. */
    public record Source(String service, JsonNode document) {
    }

    private OpenApiMerger() {
    }

    public static ObjectNode merge(String title, String version, List<Source> sources) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", "3.0.3");
        merged.putObject("info").put("title", title).put("version", version)
                .put("description", "Every service's API as the gateway serves it; one bearer token from the realm "
                        + "territoires for all of them.");
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
        return merged;
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
