package fr.territoires.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PrometheusRule of base/monitoring/prometheus-rule.yaml is generated from the platform's alert
 * rules (platform-stack's monitoring/alert-rules.yml, unit-tested with promtool there): the same
 * text, indented under {@code spec}. Running the tests with {@code -Dk8s.regenerate=true} rewrites it.
 */
final class PrometheusRules {

    static final String RULES = "/monitoring/alert-rules.yml";
    static final String FILE = "base/monitoring/prometheus-rule.yaml";
    private static final String HEADER = """
            # GENERATED from platform-stack/src/main/resources/monitoring/alert-rules.yml, the one source of the
            # alert rules (unit-tested with promtool in ./mvnw verify): do not edit here. After changing the
            # rules, run the k8s module's tests with -Dk8s.regenerate=true (docs/deploy.md); the check fails
            # while the two differ.
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: territoires-alerts
            spec:
            """;

    private PrometheusRules() {
    }

    /** The alert rules file, as platform-stack ships it. */
    static String rulesText() {
        try (InputStream in = PrometheusRules.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new AssertionError("platform-stack's " + RULES + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules file's content (groups) as a tree, to compare with a PrometheusRule's spec. */
    static JsonNode rules() {
        try {
            return Kustomize.YAML.readTree(rulesText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PrometheusRule manifest generated from the rules file. */
    static String generated() {
        List<String> lines = rulesText().lines().dropWhile(l -> l.startsWith("#")).toList();
        return HEADER + lines.stream().map(l -> l.isBlank() ? "" : "  " + l).collect(Collectors.joining("\n")) + "\n";
    }

    static void regenerate(Path k8s) throws IOException {
        Files.writeString(k8s.resolve(FILE), generated());
    }
}
