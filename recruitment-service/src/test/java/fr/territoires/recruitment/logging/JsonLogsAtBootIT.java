package fr.territoires.recruitment.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.Platform;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started as on Kubernetes ({@code QUARKUS_PROFILE=prod,k8s}), on the build's
 * real PostgreSQL and Kafka: every line it writes, from the first line of its boot to its shutdown,
 * is one JSON object. Keycloak is left unreachable on purpose, so that the warnings of an identity
 * provider away at boot are among the lines checked.
 */
class JsonLogsAtBootIT {

    private static final Path ROOT = BuildInfrastructure.buildRoot();

    @Test
    void everyLineFromBootToShutdownIsAJsonObject() throws Exception {
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres("it_json_logs_recruitment");
        int port = OsProcesses.freePort();
        Map<String, String> env = new HashMap<>(Platform.serviceEnvironment(
                new Platform.ServiceModule("recruitment-service", "it_json_logs_recruitment"), pg.host(), pg.port(),
                pg.user(), pg.password(), BuildInfrastructure.kafkaBootstrapServers(),
                "http://localhost:" + OsProcesses.freePort(), "", "", ""));
        env.put("QUARKUS_PROFILE", "prod,k8s");
        env.put("QUARKUS_OIDC_CONNECTION_DELAY", "2S");
        QuarkusService service = new QuarkusService("recruitment-service",
                ROOT.resolve("recruitment-service/target/quarkus-app/quarkus-run.jar"), port, env);
        Stack stack = new Stack(ROOT.resolve("recruitment-service/target/json-logs-it"),
                line -> System.out.println("[json-logs]" + line));
        stack.start(List.of(service));
        try {
            BuildInfrastructure.stopWhenBuildEnds(stack, service);
        } finally {
            stack.stop(List.of(service));
        }

        List<String> lines = Files.readAllLines(stack.logFile(service));
        assertTrue(lines.size() > 5, "the service wrote its boot: " + lines);
        ObjectMapper mapper = new ObjectMapper();
        List<String> notJson = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = mapper.readTree(line);
                if (!json.isObject() || !json.hasNonNull("message") || !json.hasNonNull("level")) {
                    notJson.add(line);
                }
            } catch (Exception e) {
                notJson.add(line);
            }
        }
        assertEquals(List.of(), notJson, "lines that are not a JSON log record");
        assertTrue(lines.stream().anyMatch(l -> l.contains("started in")), "the boot's last line is there");
    }
}
