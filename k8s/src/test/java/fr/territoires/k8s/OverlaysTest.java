package fr.territoires.k8s;

import static fr.territoires.k8s.Kustomize.id;
import static fr.territoires.k8s.Kustomize.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders both overlays with kubectl kustomize and checks every object against its schema and the platform's rules. */
class OverlaysTest {

    static final String NAMESPACE = "territoires";

    @BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (Boolean.getBoolean("k8s.regenerate")) {
            RealmImports.regenerate(Kustomize.k8sDir());
            PrometheusRules.regenerate(Kustomize.k8sDir());
        }
    }

    private static void none(List<String> violations) {
        assertTrue(violations.isEmpty(), () -> violations.size() + " violation(s):\n  " + String.join("\n  ", violations));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectIsValidAgainstItsPinnedSchema(String overlay) {
        List<JsonNode> objects = Kustomize.overlay(overlay);
        assertTrue(objects.size() > 40, "rendered only " + objects.size() + " objects");
        List<String> violations = new ArrayList<>();
        objects.forEach(o -> violations.addAll(SchemaValidator.get().validate(o)));
        System.out.println(overlay + ": " + objects.size() + " objects validated; kinds also checked against upstream CRD files: "
                + SchemaValidator.get().upstreamKinds());
        none(violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasTheThreeProbesLimitsAndANonRootReadOnlyContext(String overlay) {
        List<JsonNode> objects = Kustomize.overlay(overlay);
        Set<String> deployed = new TreeSet<>();
        ofKind(objects, "Deployment").forEach(d -> deployed.add(d.path("metadata").path("name").asText()));
        assertEquals(PlatformFacts.services().keySet(), deployed, "one Deployment per application");
        none(Invariants.deployments(objects));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAndDeadLetterTopicOfTheEventsModuleHasAKafkaTopic(String overlay) {
        none(Invariants.topics(Kustomize.overlay(overlay), PlatformFacts.allTopics()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsDatabaseRoleAndCredentials(String overlay) {
        // dev renders its dev-only Secrets; prod renders none (docs/deploy.md creates them).
        none(Invariants.databases(Kustomize.overlay(overlay), PlatformFacts.services(), overlay.equals("dev")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesAndPartnersHaveExactlyTheirKafkaAcls(String overlay) {
        none(Invariants.kafkaUsers(Kustomize.overlay(overlay), PlatformFacts.PARTNER_GRANTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationIsScrapedWithThePlatformsAlertRulesAndDashboard(String overlay) {
        none(Invariants.monitoring(Kustomize.overlay(overlay), PrometheusRules.rules()));
    }

    @Test
    void thePrometheusRuleIsGeneratedFromTheAlertRules() throws IOException {
        assertEquals(PrometheusRules.generated(),
                java.nio.file.Files.readString(Kustomize.k8sDir().resolve(PrometheusRules.FILE)),
                PrometheusRules.FILE + " is not generated from platform-stack's alert rules: run with -Dk8s.regenerate=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePostgresClusterIsBackedUpToObjectStorageWithRetention(String overlay) {
        none(Invariants.backups(Kustomize.overlay(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachApplicationReachesOnlyWhatItNeeds(String overlay) {
        none(Invariants.egress(Kustomize.overlay(overlay), PlatformFacts.egressPorts()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theTimeZoneIsParis(String overlay) {
        none(Invariants.timeZone(Kustomize.overlay(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theImportedRealmIsTheLocalRealm(String overlay) {
        none(Invariants.realm(Kustomize.overlay(overlay), overlay.equals("dev")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingLandsInTheNamespaceAndEveryServiceHasItsServiceAndNetworkPolicy(String overlay) {
        List<JsonNode> objects = Kustomize.overlay(overlay);
        List<String> v = new ArrayList<>();
        for (JsonNode o : objects) {
            if (!NAMESPACE.equals(o.path("metadata").path("namespace").asText())) {
                v.add(id(o) + ": not in namespace " + NAMESPACE);
            }
        }
        for (String service : PlatformFacts.services().keySet()) {
            if (ofKind(objects, "Service").stream().noneMatch(s -> service.equals(s.path("metadata").path("name").asText()))) {
                v.add(service + ": no Service");
            }
            if (ofKind(objects, "NetworkPolicy").stream().noneMatch(p -> service.equals(
                    p.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()))) {
                v.add(service + ": no NetworkPolicy selecting it");
            }
        }
        if (ofKind(objects, "NetworkPolicy").stream().noneMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && p.path("spec").path("ingress").isMissingNode())) {
            v.add("no default-deny ingress NetworkPolicy");
        }
        JsonNode ingress = ofKind(objects, "Ingress").stream()
                .filter(i -> "gateway".equals(i.path("metadata").path("name").asText())).findFirst().orElse(null);
        if (ingress == null || ingress.path("spec").path("tls").isEmpty()) {
            v.add("the gateway has no Ingress with TLS");
        }
        none(v);
    }

    @Test
    void prodRunsThreeReplicasWithAutoscalingDisruptionBudgetsAndAntiAffinity() {
        List<JsonNode> objects = Kustomize.overlay("prod");
        List<String> v = new ArrayList<>();
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            if (d.path("spec").path("replicas").asInt() != 3) {
                v.add(name + ": replicas is not 3");
            }
            JsonNode anti = d.path("spec").path("template").path("spec").path("affinity").path("podAntiAffinity");
            if (anti.isMissingNode() || !anti.toString().contains("\"" + name + "\"")) {
                v.add(name + ": no pod anti-affinity on its own pods");
            }
            if (ofKind(objects, "HorizontalPodAutoscaler").stream().noneMatch(h -> name.equals(
                    h.path("spec").path("scaleTargetRef").path("name").asText()) && h.path("spec").path("minReplicas").asInt() >= 3)) {
                v.add(name + ": no HorizontalPodAutoscaler with at least 3 replicas");
            }
            if (ofKind(objects, "PodDisruptionBudget").stream().noneMatch(p -> name.equals(
                    p.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                    && p.path("spec").path("minAvailable").asInt() >= 2)) {
                v.add(name + ": no PodDisruptionBudget keeping 2 available");
            }
        }
        for (JsonNode pool : ofKind(objects, "KafkaNodePool")) {
            if (pool.path("spec").path("replicas").asInt() != 3) {
                v.add(id(pool) + ": replicas is not 3");
            }
        }
        ofKind(objects, "Cluster").forEach(c -> {
            if (c.path("spec").path("instances").asInt() != 3) {
                v.add(id(c) + ": instances is not 3");
            }
        });
        none(v);
        assertTrue(ofKind(objects, "Secret").isEmpty(), "prod renders no Secret: they are created in the cluster (docs/deploy.md)");
    }

    @Test
    void devRunsOneReplicaOfEverythingWithoutAutoscalingNorDisruptionBudgets() {
        List<JsonNode> objects = Kustomize.overlay("dev");
        for (JsonNode d : ofKind(objects, "Deployment")) {
            assertEquals(1, d.path("spec").path("replicas").asInt(), id(d));
        }
        assertTrue(ofKind(objects, "HorizontalPodAutoscaler").isEmpty(), "no HPA in dev");
        assertTrue(ofKind(objects, "PodDisruptionBudget").isEmpty(), "no PDB in dev");
        for (JsonNode t : ofKind(objects, "KafkaTopic")) {
            assertEquals(1, t.path("spec").path("replicas").asInt(), id(t));
        }
        for (JsonNode s : ofKind(objects, "Secret")) {
            assertEquals("true", s.path("metadata").path("annotations").path("territoires.fr/dev-only").asText(),
                    id(s) + " is not annotated territoires.fr/dev-only");
            s.path("data").fields().forEachRemaining(e -> {
                String value = new String(java.util.Base64.getDecoder().decode(e.getValue().asText()));
                if (e.getKey().contains("password") || e.getKey().contains("secret")) {
                    assertTrue(value.contains("dev"), id(s) + "/" + e.getKey() + " does not say it is a dev value");
                }
            });
        }
    }
}
