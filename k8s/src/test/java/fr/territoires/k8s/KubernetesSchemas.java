package fr.territoires.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON Schemas of the Kubernetes built-in kinds, read off the models of the official Kubernetes Java
 * client ({@code io.kubernetes:client-java-api}, pinned in the pom). Those classes are generated from
 * the Kubernetes release's OpenAPI document: each one lists every property of its definition
 * ({@code openapiFields}), the required ones ({@code openapiRequiredFields}) and the type of each. The
 * schema is strict like the API server's field validation: an unknown field is an error.
 */
final class KubernetesSchemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode definitions = JSON.objectNode();

    /** The schema of apiVersion/kind, or empty when the client's models have no such kind. */
    synchronized Optional<ObjectNode> schema(String apiVersion, String kind) {
        Optional<Class<?>> model = model(apiVersion, kind);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        String ref = define(model.get());
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.set("definitions", definitions.deepCopy());
        ArrayNode allOf = root.putArray("allOf");
        allOf.addObject().put("$ref", "#/definitions/" + ref);
        ObjectNode typeMeta = allOf.addObject();
        typeMeta.putArray("required").add("apiVersion").add("kind").add("metadata");
        ObjectNode props = typeMeta.putObject("properties");
        props.putObject("apiVersion").put("const", apiVersion);
        props.putObject("kind").put("const", kind);
        return Optional.of(root);
    }

    /** ObjectMeta, which custom resources share with the built-in kinds. */
    synchronized ObjectNode objectMeta() {
        String ref = define(model("v1", "ObjectMeta").orElseThrow());
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.set("definitions", definitions.deepCopy());
        root.put("$ref", "#/definitions/" + ref);
        return root;
    }

    /** apps/v1 Deployment → V1Deployment, autoscaling/v2 HorizontalPodAutoscaler → V2HorizontalPodAutoscaler. */
    static Optional<Class<?>> model(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String name = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        try {
            Class<?> c = Class.forName(name);
            c.getField("openapiFields");
            return Optional.of(c);
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    private String define(Class<?> model) {
        String name = model.getSimpleName();
        if (definitions.has(name)) {
            return name;
        }
        ObjectNode def = definitions.putObject(name);
        def.put("type", "object");
        ObjectNode properties = def.putObject("properties");
        Set<String> declared = new TreeSet<>(strings(model, "openapiFields"));
        for (Field field : model.getDeclaredFields()) {
            SerializedName serialized = field.getAnnotation(SerializedName.class);
            if (serialized == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            properties.set(serialized.value(), type(field.getGenericType(), model + "." + field.getName()));
            declared.remove(serialized.value());
        }
        if (!declared.isEmpty()) {
            throw new IllegalStateException(model + ": properties without a field: " + declared);
        }
        Set<String> required = new TreeSet<>(strings(model, "openapiRequiredFields"));
        if (!required.isEmpty()) {
            ArrayNode array = def.putArray("required");
            required.forEach(array::add);
        }
        def.put("additionalProperties", false);
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> strings(Class<?> model, String field) {
        try {
            return (Set<String>) model.getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no " + field, e);
        }
    }

    private ObjectNode type(Type type, String where) {
        ObjectNode schema = JSON.objectNode();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                schema.put("type", "array");
                schema.set("items", type(args[0], where + "[]"));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                schema.put("type", "object");
                schema.set("additionalProperties", type(args[1], where + "{}"));
                return schema;
            }
            throw new IllegalStateException("unsupported type " + type + " at " + where);
        }
        Class<?> c = (Class<?>) type;
        String simple = c.getName();
        if (c == String.class || c == OffsetDateTime.class || c == LocalDate.class || c == byte[].class) {
            schema.put("type", "string");
        } else if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            schema.put("type", "integer");
        } else if (c == Boolean.class || c == boolean.class) {
            schema.put("type", "boolean");
        } else if (c == Double.class || c == double.class || c == Float.class || c == float.class
                || c == BigDecimal.class || c == Number.class) {
            schema.put("type", "number");
        } else if (simple.equals("io.kubernetes.client.custom.Quantity")) {
            schema.putArray("type").add("string").add("number");
        } else if (simple.equals("io.kubernetes.client.custom.IntOrString")) {
            schema.putArray("type").add("string").add("integer");
        } else if (c == Object.class) {
            return schema; // any JSON value (RawExtension and the like)
        } else if (c.isEnum()) {
            schema.put("type", "string");
        } else if (simple.startsWith(MODELS)) {
            schema.put("$ref", "#/definitions/" + define(c));
        } else {
            throw new IllegalStateException("unsupported type " + c + " at " + where);
        }
        return schema;
    }
}
