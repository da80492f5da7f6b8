package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    @Test
    void defaultsAreThePortsOfTheDesign() {
        PlatformSettings s = PlatformSettings.fromEnvironment(Map.of());
        assertEquals(8080, s.gatewayPort());
        assertEquals(8081, s.territoryPort());
        assertEquals(8082, s.fundingPort());
        assertEquals(8083, s.recruitmentPort());
        assertEquals(8180, s.keycloakPort());
        assertEquals(9092, s.kafkaPort());
        assertEquals(5432, s.dbPort());
        assertEquals("http://localhost:8180", s.keycloakUrl());
    }

    /** The gateway's metrics answer on its management interface only: that is where the local Prometheus scrapes it. */
    @Test
    void theLocalPrometheusScrapesTheGatewaysManagementInterface() {
        Platform platform = new Platform(Path.of("/tmp/x"), PlatformSettings.fromEnvironment(Map.of()));
        assertEquals(8090, platform.metricsPort("gateway"));
        assertEquals(8082, platform.metricsPort("funding-service"));
        String config = platform.monitoring().config();
        assertTrue(config.contains("localhost:8090") && !config.contains("localhost:8080"), config);
    }

    @Test
    void externalInfrastructureIsLeftOutOfWhatThePlatformStarts() {
        PlatformSettings s = PlatformSettings.fromEnvironment(Map.of(
                "TI_DB_HOST", "db.internal", "TI_DB_PORT", "6543",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "TI_KEYCLOAK_URL", "https://sso.example.org/"));
        assertEquals(Optional.of("db.internal"), s.externalDbHost());
        assertEquals("broker:9092", s.kafkaBootstrapServers());
        assertEquals("https://sso.example.org", s.keycloakUrl());
        assertTrue(new Platform(Path.of("/tmp/x"), s).infrastructure().isEmpty());
        Map<String, String> env = Platform.serviceEnvironment(Platform.SERVICES.get(0), s.dbHost(), s.dbPort(),
                s.dbUser(), s.dbPassword(), s.kafkaBootstrapServers(), s.keycloakUrl(), "t", "f", "r");
        assertEquals("db.internal", env.get("TI_DB_HOST"));
        assertEquals("6543", env.get("TI_DB_PORT"));
        assertEquals("territory", env.get("TI_DB_NAME"));
        assertEquals("broker:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void aPortThatIsNotAPortIsRefusedByName() {
        StackException e = assertThrows(StackException.class,
                () -> PlatformSettings.fromEnvironment(Map.of("TI_GATEWAY_PORT", "80800")));
        assertEquals("TI_GATEWAY_PORT=80800 is not a TCP port (1-65535)", e.getMessage());
    }
}
