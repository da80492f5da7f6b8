package fr.territoires.k8s;

import fr.territoires.events.Topics;
import fr.territoires.stack.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the deployment must provide, from the platform's own code where the code says it: the
 * services and their databases (platform-stack's Platform.SERVICES, the local stack's wiring), the
 * topics (the events module's Topics). The consumers and the partners' grants are written here, as
 * DESIGN.md §3 and docs/deploy.md state them: a change there changes this table and the manifests.
 */
final class PlatformFacts {

    /** Topics each service consumes (its event handlers), hence its dead-letter topics. */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "territory-service", List.of(),
            "funding-service", List.of(Topics.TERRITORY),
            "recruitment-service", List.of(Topics.TERRITORY, Topics.FUNDING));

    /** The topic each service publishes through its outbox. */
    static final Map<String, String> PRODUCES = Map.of(
            "territory-service", Topics.TERRITORY,
            "funding-service", Topics.FUNDING,
            "recruitment-service", Topics.RECRUITMENT);

    /** Partner (Keycloak client id = KafkaUser name) → the topics it may read. */
    static final Map<String, List<String>> PARTNER_GRANTS = new LinkedHashMap<>();

    static {
        PARTNER_GRANTS.put("partner-france-travail", List.of(Topics.RECRUITMENT, Topics.TERRITORY));
        PARTNER_GRANTS.put("partner-bpifrance", List.of(Topics.FUNDING, Topics.TERRITORY));
        PARTNER_GRANTS.put("partner-banque-des-territoires", List.of(Topics.FUNDING, Topics.TERRITORY));
    }

    private PlatformFacts() {
    }

    /** Service name → database (null for the gateway). */
    static Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        Platform.SERVICES.forEach(s -> services.put(s.name(), s.database()));
        return services;
    }

    /** The ports each application must reach (egress), and no other: DNS, Keycloak, OTLP for all. */
    static Map<String, java.util.Set<Integer>> egressPorts() {
        java.util.Set<Integer> common = java.util.Set.of(53, 8080, 4317, 4318);
        Map<String, java.util.Set<Integer>> needs = new LinkedHashMap<>();
        services().forEach((service, database) -> {
            java.util.Set<Integer> ports = new java.util.TreeSet<>(common);
            if (database != null) {
                ports.addAll(List.of(5432, 9092));
            } else {
                ports.addAll(List.of(8081, 8082, 8083)); // the gateway calls the three services
            }
            needs.put(service, ports);
        });
        return needs;
    }

    static List<String> deadLetterTopics() {
        List<String> topics = new ArrayList<>();
        CONSUMES.forEach((service, consumed) -> consumed.forEach(t -> topics.add(Topics.deadLetter(t, service))));
        return topics;
    }

    static List<String> allTopics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.addAll(deadLetterTopics());
        return topics;
    }
}
