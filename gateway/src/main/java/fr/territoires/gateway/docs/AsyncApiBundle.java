package fr.territoires.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AsyncAPI document of the events as one self-contained file, for tools that cannot follow its
 * references to the JSON Schemas: each referenced schema ({@code schemas/<service>/<event>.vN.json})
 * goes under {@code components.schemas} as {@code <service>.<event>.vN}, its own {@code #/$defs/…}
 * references rewritten to point there. Built from the same classpath resources the gateway serves.
 */
public final class AsyncApiBundle {

    private static final Pattern FILE_REF = Pattern.compile("schemas/([a-z]+)/([a-z-]+\\.v[0-9]+)\\.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiBundle() {
    }

    /** The bundled document, as YAML. */
    public static String bundle(String base) {
        try {
            ObjectNode doc = (ObjectNode) read(YAML, base + "/asyncapi.yaml");
            ObjectNode components = doc.has("components") ? (ObjectNode) doc.get("components") : doc.putObject("components");
            ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas") : components.putObject("schemas");
            inline(doc, base, schemas);
            return YAML.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inline(JsonNode node, String base, ObjectNode schemas) throws IOException {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                Matcher file = FILE_REF.matcher(ref.asText());
                if (file.matches()) {
                    String name = file.group(1) + "." + file.group(2);
                    if (!schemas.has(name)) {
                        JsonNode schema = read(JSON, base + "/" + ref.asText());
                        if (schema instanceof ObjectNode s) {
                            s.remove("$id"); // its references now resolve inside this document
                        }
                        rewriteLocalRefs(schema, "#/components/schemas/" + name);
                        schemas.set(name, schema);
                    }
                    object.put("$ref", "#/components/schemas/" + name);
                }
            }
            var children = new java.util.ArrayList<JsonNode>();
            object.elements().forEachRemaining(children::add);
            for (JsonNode child : children) {
                if (child != schemas) {
                    inline(child, base, schemas);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                inline(child, base, schemas);
            }
        }
    }

    private static void rewriteLocalRefs(JsonNode node, String prefix) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                object.put("$ref", prefix + ref.asText().substring(1));
            }
            object.elements().forEachRemaining(child -> rewriteLocalRefs(child, prefix));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteLocalRefs(child, prefix));
        }
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws IOException {
        try (InputStream in = AsyncApiBundle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return mapper.readTree(in);
        }
    }
}
