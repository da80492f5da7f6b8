package fr.territoires.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JSON Schemas of the operators' custom resources, keyed by "apiVersion kind".
 *
 * <ul>
 * <li>Strimzi: the CRDs Strimzi ships are generated from its API model by its CRD generator; both are
 * Maven Central artifacts (io.strimzi:api and io.strimzi:crd-generator, pinned in the pom), so the
 * build generates the very same CRDs and validates against their openAPIV3Schema.</li>
 * <li>CloudNativePG and the Keycloak operator publish their CRDs only with their releases, on no
 * registry the build reaches: src/test/resources/schemas holds schemas of the fields this deployment
 * may use, written against the CRDs of the pinned releases (README there). When the releases' CRD
 * files are at hand (directory {@code -Dk8s.upstream-crds}, default shared/k8s-crds beside the
 * repository), every object is validated against them too.</li>
 * </ul>
 *
 * A CRD's openAPIV3Schema becomes a JSON Schema as the API server reads it: int-or-string, nullable,
 * preserve-unknown-fields; and strict like kubectl's default field validation: an object that lists
 * its properties accepts no other. CEL rules (x-kubernetes-validations) are not evaluated.
 */
final class CrdSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] STRIMZI_KINDS = {
        "io.strimzi.api.kafka.model.kafka.Kafka=kafka",
        "io.strimzi.api.kafka.model.nodepool.KafkaNodePool=kafkanodepool",
        "io.strimzi.api.kafka.model.topic.KafkaTopic=kafkatopic",
        "io.strimzi.api.kafka.model.user.KafkaUser=kafkauser",
    };

    /** Where each schema came from, for the messages. */
    record Source(String origin, ObjectNode schema) {
    }

    private CrdSchemas() {
    }

    /** The schemas of the build: Strimzi generated, CloudNativePG and Keycloak from the repository. */
    static Map<String, Source> pinned() {
        Map<String, Source> schemas = new LinkedHashMap<>();
        for (Path crd : strimziCrds()) {
            fromCrd(read(crd), "Strimzi " + System.getProperty("k8s.strimzi.version") + " CRD generator")
                    .forEach(schemas::put);
        }
        for (String name : List.of("postgresql.cnpg.io_v1_Cluster", "postgresql.cnpg.io_v1_Database",
                "postgresql.cnpg.io_v1_ScheduledBackup",
                "k8s.keycloak.org_v2alpha1_Keycloak", "k8s.keycloak.org_v2alpha1_KeycloakRealmImport",
                "monitoring.coreos.com_v1_ServiceMonitor", "monitoring.coreos.com_v1_PodMonitor",
                "monitoring.coreos.com_v1_PrometheusRule")) {
            JsonNode doc = resource("/schemas/" + name + ".yaml");
            String key = doc.path("x-territoires-apiVersion").asText() + " " + doc.path("x-territoires-kind").asText();
            ObjectNode schema = (ObjectNode) doc.deepCopy();
            schema.remove(List.of("x-territoires-apiVersion", "x-territoires-kind", "x-territoires-source"));
            schemas.put(key, new Source("schemas/" + name + ".yaml (" + doc.path("x-territoires-source").asText() + ")",
                    schema));
        }
        return schemas;
    }

    /** Upstream CRD files found in the optional directory, converted. */
    static Map<String, Source> upstream() {
        String dir = System.getProperty("k8s.upstream-crds");
        Path path = dir != null ? Path.of(dir)
                : Path.of(System.getProperty("ti.build.root", "..")).resolve("../shared/k8s-crds").normalize();
        Map<String, Source> schemas = new LinkedHashMap<>();
        if (!Files.isDirectory(path)) {
            return schemas;
        }
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                for (JsonNode doc : Kustomize.parse(Files.readString(file))) {
                    if ("CustomResourceDefinition".equals(doc.path("kind").asText())) {
                        fromCrd(doc, "upstream CRD " + file.getFileName()).forEach(schemas::put);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return schemas;
    }

    /** One JSON Schema per served version of the CRD. */
    static Map<String, Source> fromCrd(JsonNode crd, String origin) {
        Map<String, Source> out = new LinkedHashMap<>();
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            if (openApi.isMissingNode()) {
                continue;
            }
            ObjectNode schema = convert(openApi.deepCopy());
            schema.put("$schema", "http://json-schema.org/draft-07/schema#");
            String apiVersion = group + "/" + version.path("name").asText();
            ObjectNode props = schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
            // Every object has these three, whether the CRD lists them or not (the API server adds them).
            if (!props.has("metadata")) {
                props.putObject("metadata").put("type", "object");
            }
            props.putObject("apiVersion").put("const", apiVersion);
            props.putObject("kind").put("const", kind);
            ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
            required.add("apiVersion").add("kind").add("metadata");
            out.put(apiVersion + " " + kind, new Source(origin, schema));
        }
        return out;
    }

    /** openAPIV3Schema (structural) → JSON Schema draft-07, in place. */
    static ObjectNode convert(ObjectNode node) {
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            node.remove("type");
            if (!node.has("anyOf")) {
                ArrayNode anyOf = node.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        if (node.path("nullable").asBoolean(false) && node.has("type") && node.get("type").isTextual()) {
            String type = node.get("type").asText();
            node.putArray("type").add(type).add("null");
        }
        node.remove("nullable");
        node.remove("format"); // int32, int64, date-time…: the types say enough, formats are not asserted
        for (String key : List.of("properties", "patternProperties")) {
            if (node.get(key) instanceof ObjectNode props) {
                Iterator<Map.Entry<String, JsonNode>> it = props.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue() instanceof ObjectNode child) {
                        convert(child);
                    }
                }
            }
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (node.get(key) instanceof ObjectNode child) {
                convert(child);
            }
        }
        for (String key : List.of("anyOf", "oneOf", "allOf")) {
            if (node.get(key) instanceof ArrayNode array) {
                array.forEach(child -> {
                    if (child instanceof ObjectNode o) {
                        convert(o);
                    }
                });
            }
        }
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !preserve) {
            node.put("additionalProperties", false);
        }
        return node;
    }

    /** Runs Strimzi's CRD generator (it needs Java 21+) once per build, into target/schema-sources. */
    static synchronized List<Path> strimziCrds() {
        Path sources = Path.of(System.getProperty("k8s.schema.sources", "target/schema-sources"));
        Path api = sources.resolve("strimzi-api.jar");
        Path generator = sources.resolve("strimzi-crd-generator.jar");
        if (!Files.isRegularFile(api) || !Files.isRegularFile(generator)) {
            throw new AssertionError("Strimzi's API and CRD generator jars are missing from " + sources
                    + " (maven-dependency-plugin copies them at generate-test-resources: run through ./mvnw)");
        }
        Path out = sources.resolve("strimzi-crds");
        List<Path> crds = new ArrayList<>();
        List<String> command = new ArrayList<>();
        command.add(null);
        command.addAll(List.of("-cp", api + java.io.File.pathSeparator + generator, "io.strimzi.crdgenerator.CrdGenerator",
                "--target-kube", "1.16+", "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1",
                "--yaml"));
        for (String kind : STRIMZI_KINDS) {
            String[] parts = kind.split("=");
            Path file = out.resolve(parts[1] + ".yaml");
            crds.add(file);
            command.add(parts[0] + "=" + file);
        }
        try {
            if (crds.stream().allMatch(Files::isRegularFile)
                    && Files.getLastModifiedTime(crds.get(0)).compareTo(Files.getLastModifiedTime(api)) > 0) {
                return crds;
            }
            Files.createDirectories(out);
            Path java = javaAtLeast(21).orElseThrow(() -> new AssertionError(
                    "Strimzi's CRD generator " + System.getProperty("k8s.strimzi.version")
                            + " needs a JDK 21 or newer: set JAVA_HOME or install one under /usr/lib/jvm"));
            command.set(0, java.resolve("bin/java").toString());
            Path log = out.resolve("generator.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Strimzi's CRD generator did not finish in 120 s");
            }
            if (p.exitValue() != 0 || !crds.stream().allMatch(Files::isRegularFile)) {
                throw new AssertionError("Strimzi's CRD generator failed:\n" + Files.readString(log));
            }
            return crds;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    static Optional<Path> javaAtLeast(int feature) {
        List<Path> candidates = new ArrayList<>();
        Stream.of(System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                .filter(s -> s != null && !s.isBlank()).map(Path::of).forEach(candidates::add);
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.forEach(candidates::add);
        } catch (IOException e) {
            // no /usr/lib/jvm: JAVA_HOME and the running JDK only
        }
        return candidates.stream().filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> feature(home) >= feature).max(Comparator.comparingInt(CrdSchemas::feature));
    }

    private static int feature(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Kustomize.parse(Files.readString(file)).get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing schema " + name);
            }
            return Kustomize.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
