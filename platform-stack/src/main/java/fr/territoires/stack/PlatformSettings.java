package fr.territoires.stack;

import java.util.Map;
import java.util.Optional;

/**
 * Ports and endpoints of the local platform, from environment variables with the defaults of
 * DESIGN.md §2. Setting TI_DB_HOST, KAFKA_BOOTSTRAP_SERVERS or TI_KEYCLOAK_URL points the platform
 * at an existing PostgreSQL, Kafka or Keycloak instead of starting one.
 */
public record PlatformSettings(
        int gatewayPort, int territoryPort, int fundingPort, int recruitmentPort,
        int dbPort, int kafkaPort, int kafkaControllerPort, int keycloakPort, int keycloakManagementPort,
        int prometheusPort,
        Optional<String> externalDbHost, String dbUser, String dbPassword,
        Optional<String> externalKafka, Optional<String> externalKeycloak, boolean demoData) {

    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        return new PlatformSettings(
                port(env, "TI_GATEWAY_PORT", 8080),
                port(env, "TI_TERRITORY_PORT", 8081),
                port(env, "TI_FUNDING_PORT", 8082),
                port(env, "TI_RECRUITMENT_PORT", 8083),
                port(env, "TI_DB_PORT", 5432),
                port(env, "TI_KAFKA_PORT", 9092),
                port(env, "TI_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "TI_KEYCLOAK_PORT", 8180),
                port(env, "TI_KEYCLOAK_MANAGEMENT_PORT", 9180),
                port(env, "TI_PROMETHEUS_PORT", 9090),
                nonBlank(env, "TI_DB_HOST"),
                nonBlank(env, "TI_DB_USER").orElse("territoires"),
                nonBlank(env, "TI_DB_PASSWORD").orElse("territoires"),
                nonBlank(env, "KAFKA_BOOTSTRAP_SERVERS"),
                nonBlank(env, "TI_KEYCLOAK_URL").map(u -> u.replaceAll("/+$", "")),
                !nonBlank(env, "TI_DEMO_DATA").orElse("true").equalsIgnoreCase("false"));
    }

    public String dbHost() {
        return externalDbHost.orElse("localhost");
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    public String keycloakUrl() {
        return externalKeycloak.orElse("http://localhost:" + keycloakPort);
    }

    static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        Optional<String> value = nonBlank(env, name);
        if (value.isEmpty()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + value.get() + " is not a TCP port (1-65535)");
        }
    }
}
