package fr.territoires.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates rendered objects against the schema of their apiVersion and kind: no kind goes unchecked. */
final class SchemaValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static SchemaValidator instance;

    private final KubernetesSchemas kubernetes = new KubernetesSchemas();
    private final Map<String, List<CrdSchemas.Source>> crds = new LinkedHashMap<>();
    private final Map<String, List<JsonSchema>> compiled = new LinkedHashMap<>();
    private final JsonSchema objectMeta;

    private SchemaValidator() {
        CrdSchemas.pinned().forEach((k, v) -> crds.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        CrdSchemas.upstream().forEach((k, v) -> crds.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        objectMeta = FACTORY.getSchema(kubernetes.objectMeta());
    }

    static synchronized SchemaValidator get() {
        if (instance == null) {
            instance = new SchemaValidator();
        }
        return instance;
    }

    /** The kinds whose schemas come from an upstream CRD file (the optional cross-check). */
    List<String> upstreamKinds() {
        return crds.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(s -> s.origin().startsWith("upstream")))
                .map(Map.Entry::getKey).toList();
    }

    /** Every problem of one object, each prefixed with the object and the schema's origin. */
    synchronized List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String id = Kustomize.id(object);
        List<String> problems = new ArrayList<>();
        List<JsonSchema> schemas = compiled.computeIfAbsent(apiVersion + " " + kind, key -> compile(apiVersion, kind));
        if (schemas.isEmpty()) {
            problems.add(id + ": no pinned schema for " + apiVersion + " " + kind);
            return problems;
        }
        List<String> origins = origins(apiVersion, kind);
        for (int i = 0; i < schemas.size(); i++) {
            for (ValidationMessage m : schemas.get(i).validate(object)) {
                problems.add(id + " (" + origins.get(i) + "): " + m.getMessage());
            }
        }
        if (crds.containsKey(apiVersion + " " + kind)) {
            for (ValidationMessage m : objectMeta.validate(object.path("metadata"))) {
                problems.add(id + " (metadata, Kubernetes ObjectMeta): " + m.getMessage());
            }
        }
        return problems;
    }

    private List<String> origins(String apiVersion, String kind) {
        List<CrdSchemas.Source> sources = crds.get(apiVersion + " " + kind);
        if (sources != null) {
            return sources.stream().map(CrdSchemas.Source::origin).toList();
        }
        return List.of("Kubernetes client-java-api " + System.getProperty("k8s.kubernetes.client.version"));
    }

    private List<JsonSchema> compile(String apiVersion, String kind) {
        List<CrdSchemas.Source> sources = crds.get(apiVersion + " " + kind);
        if (sources != null) {
            return sources.stream().map(s -> FACTORY.getSchema(s.schema())).toList();
        }
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> schema = kubernetes.schema(apiVersion, kind);
        return schema.map(s -> List.of(FACTORY.getSchema(s))).orElse(List.of());
    }
}
