package fr.territoires.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The whole local platform: the infrastructure it starts and the four services, wired together. */
public final class Platform {

    /** Service name, module directory and database (null: no database). */
    public record ServiceModule(String name, String database) {
    }

    public static final List<ServiceModule> SERVICES = List.of(
            new ServiceModule("territory-service", "territory"),
            new ServiceModule("funding-service", "funding"),
            new ServiceModule("recruitment-service", "recruitment"),
            new ServiceModule("gateway", null));

    private final Path root;
    private final PlatformSettings settings;

    public Platform(Path root, PlatformSettings settings) {
        this.root = root;
        this.settings = settings;
    }

    public Path runDir() {
        return root.resolve(".platform");
    }

    /** The infrastructure this machine must run (external ones are left out). */
    public List<Component> infrastructure() {
        List<Component> list = new ArrayList<>();
        if (settings.externalDbHost().isEmpty()) {
            list.add(new PostgresServer(runDir(), settings.dbPort(), settings.dbUser(), settings.dbPassword(),
                    SERVICES.stream().map(ServiceModule::database).filter(d -> d != null).toList(), false));
        }
        if (settings.externalKafka().isEmpty()) {
            list.add(new KafkaBroker(runDir(), settings.kafkaPort(), settings.kafkaControllerPort(), false));
        }
        if (settings.externalKeycloak().isEmpty()) {
            list.add(new KeycloakServer(runDir(), settings.keycloakPort(), settings.keycloakManagementPort(), false));
        }
        return list;
    }

    public List<QuarkusService> services() {
        return SERVICES.stream().map(s -> {
            Map<String, String> env = new java.util.HashMap<>(serviceEnvironment(s, settings.dbHost(), settings.dbPort(),
                    settings.dbUser(), settings.dbPassword(), settings.kafkaBootstrapServers(), settings.keycloakUrl(),
                    "http://localhost:" + settings.territoryPort(), "http://localhost:" + settings.fundingPort(),
                    "http://localhost:" + settings.recruitmentPort()));
            // Demo data (each service's demo/ resources) unless TI_DEMO_DATA=false.
            env.put("TI_DEMO_DATA", String.valueOf(settings.demoData()));
            if (s.name().equals("gateway")) {
                // The gateway's metrics: its management interface, next to its port (never proxied).
                env.put("TI_GATEWAY_MANAGEMENT_PORT", String.valueOf(metricsPort("gateway")));
            }
            // The programme's two official lists (territory-service, issue #13), demo or not.
            env.put("TI_OFFICIAL_LISTS", "true");
            return new QuarkusService(s.name(), root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar"),
                    port(s.name()), env);
        }).toList();
    }

    /** The configuration every service reads (see each service's application.properties). */
    public static Map<String, String> serviceEnvironment(ServiceModule s, String dbHost, int dbPort, String dbUser,
            String dbPassword, String kafka, String keycloakUrl, String territoryUrl, String fundingUrl,
            String recruitmentUrl) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "TI_KEYCLOAK_URL", keycloakUrl));
        if (s.database() != null) {
            env.putAll(Map.of("TI_DB_HOST", dbHost, "TI_DB_PORT", String.valueOf(dbPort), "TI_DB_USER", dbUser,
                    "TI_DB_PASSWORD", dbPassword, "TI_DB_NAME", s.database()));
        } else {
            env.putAll(Map.of("TI_TERRITORY_URL", territoryUrl, "TI_FUNDING_URL", fundingUrl,
                    "TI_RECRUITMENT_URL", recruitmentUrl));
        }
        return env;
    }

    /**
     * The local Prometheus of {@code ./platform up --monitoring}: every service on /q/metrics and
     * Keycloak's management port, with the platform's alert rules.
     */
    public PrometheusServer monitoring() {
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        // The gateway serves its metrics on its management interface only (its port + 10, see services()).
        SERVICES.forEach(s -> targets.put(s.name(), "localhost:" + metricsPort(s.name())));
        return new PrometheusServer(runDir(), settings.prometheusPort(), targets,
                settings.externalKeycloak().isEmpty() ? "localhost:" + settings.keycloakManagementPort() : null);
    }

    /** Where a service's /q/metrics answers: its own port, or the gateway's management interface. */
    public int metricsPort(String service) {
        return service.equals("gateway") ? settings.gatewayPort() + 10 : port(service);
    }

    public int port(String service) {
        return switch (service) {
            case "gateway" -> settings.gatewayPort();
            case "territory-service" -> settings.territoryPort();
            case "funding-service" -> settings.fundingPort();
            case "recruitment-service" -> settings.recruitmentPort();
            default -> throw new IllegalArgumentException(service);
        };
    }

    public PlatformSettings settings() {
        return settings;
    }
}
