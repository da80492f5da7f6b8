package fr.territoires.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.territoires.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The checks can fail: broken manifests (src/test/resources/fixtures) are caught, each for its reason. */
class ChecksCatchBrokenManifestsTest {

    private static List<String> schemaProblems(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(SchemaValidator.get().validate(o)));
        return problems;
    }

    private static void reports(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing «" + expected + "», got:\n  " + String.join("\n  ", violations));
    }

    @Test
    void aDeploymentWithoutProbesLimitsOrSecurityContextIsRejected() {
        List<String> v = Invariants.deployments(Kustomize.parseResource("/fixtures/deployment-without-probes.yaml"));
        reports(v, "no startupProbe");
        reports(v, "no livenessProbe");
        reports(v, "no readinessProbe");
        reports(v, "no cpu in resources.limits");
        reports(v, "runAsNonRoot is not true");
        reports(v, "root filesystem is not read-only");
        reports(v, "capabilities are not drop ALL");
        reports(v, "no emptyDir mounted at /tmp");
    }

    @Test
    void aMisspeltOrMistypedKubernetesFieldFailsTheSchema() {
        List<String> v = schemaProblems(Kustomize.parseResource("/fixtures/deployment-with-unknown-field.yaml"));
        reports(v, "imagePullPolice");
        reports(v, "$.spec.replicas: string found, integer expected");
        reports(v, "required property 'selector' not found");
        reports(v, "NetworkPolicy/gateway (Kubernetes client-java-api");
        reports(v, "podSelecter");
        reports(v, "required property 'podSelector' not found");
        reports(v, "minReplica");
        reports(v, "DaemonSet/not-in-the-platform");
        reports(v, "Unknown/no-schema: no pinned schema for example.org/v1 Unknown");
    }

    @Test
    void strimziResourcesAreValidatedAgainstStrimzisOwnCrds() {
        List<String> v = schemaProblems(Kustomize.parseResource("/fixtures/strimzi-broken.yaml"));
        reports(v, "partitions");
        reports(v, "replica");
        reports(v, "operations[0]: does not have a value in the enumeration");
    }

    @Test
    void cloudNativePgResourcesAreValidatedAndEveryServiceNeedsItsRoleAndDatabase() {
        List<JsonNode> objects = Kustomize.parseResource("/fixtures/cnpg-broken.yaml");
        reports(schemaProblems(objects), "sise");
        List<String> v = Invariants.databases(objects, PlatformFacts.services(), false);
        reports(v, "funding-service: no managed login role funding");
        reports(v, "recruitment-service: no Database recruitment owned by recruitment");
    }

    @Test
    void aPartnerReadingMoreThanItsGrantsIsRejected() {
        List<String> v = Invariants.kafkaUsers(Kustomize.parseResource("/fixtures/partner-reads-too-much.yaml"),
                PlatformFacts.PARTNER_GRANTS);
        reports(v, "partner may only read, found topic:literal:recruitment.events:Write");
        reports(v, "reads a topic it is not granted: topic:literal:funding.events:Read");
        reports(v, "consumer groups must be its own prefix partner-france-travail-");
        reports(v, "no KafkaUser for funding-service");
    }

    @Test
    void aMissingDeadLetterTopicIsNoticed() {
        String dlq = Topics.deadLetter(Topics.FUNDING, "recruitment-service");
        Predicate<JsonNode> isDlq = o -> dlq.equals(o.path("spec").path("topicName").asText());
        List<JsonNode> objects = Kustomize.overlay("prod").stream().filter(isDlq.negate()).toList();
        reports(Invariants.topics(objects, PlatformFacts.allTopics()), "no KafkaTopic for " + dlq);
    }

    @Test
    void aRealmThatIsNotTheLocalRealmIsNoticed() {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode o : Kustomize.overlay("prod")) {
            JsonNode copy = o.deepCopy();
            if ("KeycloakRealmImport".equals(o.path("kind").asText())) {
                ((ObjectNode) copy.path("spec").path("realm")).put("accessTokenLifespan", 36000);
            }
            objects.add(copy);
        }
        reports(Invariants.realm(objects, false), "the imported realm is not the local realm");
        assertFalse(Invariants.realm(Kustomize.overlay("prod"), false).stream().anyMatch(v -> v.contains("not the local realm")));
    }

    /** The prod overlay with the fixture's objects in place of those of the same kind and name. */
    private static List<JsonNode> prodWith(String fixture) {
        List<JsonNode> replacements = Kustomize.parseResource(fixture);
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode o : Kustomize.overlay("prod")) {
            boolean replaced = replacements.stream().anyMatch(r -> r.path("kind").equals(o.path("kind"))
                    && r.path("metadata").path("name").equals(o.path("metadata").path("name")));
            if (!replaced) {
                objects.add(o);
            }
        }
        objects.addAll(replacements);
        return objects;
    }

    @Test
    void monitoringObjectsAreValidatedAndAnUnscrapedAppOrEditedRuleIsNoticed() {
        List<JsonNode> fixture = Kustomize.parseResource("/fixtures/monitoring-broken.yaml");
        List<String> schema = schemaProblems(fixture);
        reports(schema, "endpoint");
        reports(schema, "$.spec.groups[0].rules[0].for");
        List<String> v = Invariants.monitoring(prodWith("/fixtures/monitoring-broken.yaml"), PrometheusRules.rules());
        reports(v, "funding-service: not scraped on /q/metrics");
        reports(v, "PrometheusRule/territoires-alerts: its groups differ from platform-stack's");
        reports(v, "no Grafana dashboard ConfigMap");
        assertFalse(v.stream().anyMatch(x -> x.startsWith("territory-service:")), String.join("\n", v));
    }

    @Test
    void aClusterWithoutBackupsOrRetentionIsNoticed() {
        List<JsonNode> fixture = Kustomize.parseResource("/fixtures/backup-broken.yaml");
        List<String> schema = schemaProblems(fixture);
        reports(schema, "retentionPolicy");
        reports(schema, "required property 'schedule' not found");
        List<String> v = Invariants.backups(prodWith("/fixtures/backup-broken.yaml"));
        reports(v, "backup secretAccessKey does not come from a Secret");
        reports(v, "Cluster/ti-postgres: no active ScheduledBackup");
    }

    @Test
    void anApplicationThatMayReachAnywhereIsNoticed() {
        List<String> v = Invariants.egress(prodWith("/fixtures/egress-too-open.yaml"), PlatformFacts.egressPorts());
        reports(v, "NetworkPolicy/services-egress: an egress rule of funding-service is open to any destination");
        reports(v, "an egress rule of territory-service reaches an ipBlock");
        reports(v, "funding-service: may reach port 443, which it does not need");
        reports(v, "gateway: egress not restricted");
        reports(v, "recruitment-service: cannot reach port 9092, which it needs");
    }

    @Test
    void theNodesTimeZoneIsNoticed() {
        List<String> v = Invariants.timeZone(prodWith("/fixtures/config-without-tz.yaml"));
        reports(v, "platform-config: TZ is not Europe/Paris");
    }

    /** Issue 14: the realm as it was imported (no password policy, password grant, wildcards, master exposed). */
    @Test
    void aRealmUnfitForProductionIsRejected() {
        List<JsonNode> objects = Kustomize.parseResource("/fixtures/realm-unhardened.yaml");
        JsonNode realm = Kustomize.ofKind(objects, "KeycloakRealmImport").get(0).path("spec").path("realm");
        List<String> v = Invariants.realmHardening(realm);
        reports(v, "no password policy");
        reports(v, "no brute-force protection");
        reports(v, "client gateway accepts the password grant");
        reports(v, "client web-console has a wildcard redirect URI");
        reports(v, "offline_access is a default role");
        reports(Invariants.authIngress(objects), "exposes Keycloak's /realms/ ");
    }
}
