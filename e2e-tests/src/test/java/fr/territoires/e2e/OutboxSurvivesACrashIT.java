package fr.territoires.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.Sql;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The service dies between the commit of a change and the publication of its event: the event
 * waits in the outbox and is published once the service is back.
 */
class OutboxSurvivesACrashIT {

    private static final String DATABASE = "e2e_crash_territory";
    private static final Path ROOT = BuildInfrastructure.buildRoot();
    private static final Stack STACK = new Stack(ROOT.resolve("e2e-tests/target/crash"), line -> System.out.println("[crash]" + line));
    private static QuarkusService running;

    private static QuarkusService territoryService(int port, boolean relay) {
        return PackagedServices.territoryService(DATABASE, port, Map.of("BACKBONE_RELAY_ENABLED", String.valueOf(relay)));
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            STACK.stop(List.of(running));
        }
    }

    @Test
    void anEventCommittedBeforeACrashIsPublishedAfterTheRestart() throws IOException {
        int port = OsProcesses.freePort();
        running = territoryService(port, false);
        STACK.start(List.of(running));
        BuildInfrastructure.stopWhenBuildEnds(STACK, running);

        String code = "ti-crash" + UUID.randomUUID().toString().substring(0, 6);
        given().baseUri("http://localhost:" + port).auth().oauth2(KeycloakTokens.user("admin.programme"))
                .contentType("application/json")
                .body(Map.of("code", code, "name", "Vallée de la Bresle", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(201);
        List<Map<String, Object>> pending = Sql.on(DATABASE).rows(
                "SELECT event_id::text AS event_id FROM outbox_event WHERE event_key = ? AND published_at IS NULL", code);
        assertEquals(1, pending.size(), "the change committed with its event, not yet published");

        // No clean shutdown: the process is killed.
        OsProcesses.stopGroup(STACK.running(running).orElseThrow().pid(), "KILL", Duration.ofSeconds(5));

        running = territoryService(port, true);
        STACK.start(List.of(running));
        BuildInfrastructure.stopWhenBuildEnds(STACK, running);

        String eventId = (String) pending.get(0).get("event_id");
        List<KafkaTopics.Message> messages = KafkaTopics.readUntil(BuildInfrastructure.kafkaBootstrapServers(),
                Topics.TERRITORY, seen -> seen.stream().anyMatch(m -> eventId.equals(m.header("ce_id"))),
                Duration.ofSeconds(60));
        KafkaTopics.Message event = messages.stream().filter(m -> eventId.equals(m.header("ce_id"))).findFirst().orElseThrow();
        assertEquals(code, event.key());
        assertEquals("fr.territoires.territory.labelled.v1", event.header("ce_type"));
        assertEquals(0, Sql.on(DATABASE).count(
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NULL", code));
    }
}
