package fr.territoires.registry.territory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.events.EventSchemas;
import fr.territoires.events.EventType;
import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Changes to the registry, their rules, and the events they publish through the outbox. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TerritoryChangesTest {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sql DB = Sql.on("territory");

    private static String admin() {
        return TestTokens.programmeAdmin();
    }

    private static String newCode() {
        return "ti-t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void create(String code, String status) {
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", code, "name", "Bassin " + code, "status", status, "pilot", false))
                .when().post("/api/territories")
                .then().statusCode(201);
    }

    @Test
    void aLabelledTerritoryIsCreatedAndAnnouncedWithACloudEvent() throws Exception {
        String code = newCode();
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", code, "name", " Val de Lorraine ", "status", "LABELLED", "pilot", true))
                .when().post("/api/territories")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/territories/" + code))
                .header("ETag", "\"0\"")
                .body("name", equalTo("Val de Lorraine"), "status", equalTo("LABELLED"), "pilot", equalTo(true),
                        "updatedAt", org.hamcrest.Matchers.notNullValue());

        List<KafkaTopics.Message> messages = KafkaTopics.readUntil(BuildInfrastructure.kafkaBootstrapServers(),
                Topics.TERRITORY, seen -> seen.stream().anyMatch(m -> code.equals(m.key())), Duration.ofSeconds(30));
        KafkaTopics.Message event = messages.stream().filter(m -> code.equals(m.key())).findFirst().orElseThrow();
        assertEquals("fr.territoires.territory.labelled.v1", event.header("ce_type"));
        assertEquals(code, event.header("ce_subject"));
        assertEquals("/territoires/territory-service", event.header("ce_source"));
        assertEquals("1.0", event.header("ce_specversion"));
        assertEquals("application/json", event.header("content-type"));
        assertEquals(List.of(), EventSchemas.violations(EventType.TERRITORY_LABELLED, JSON.readTree(event.value())));
        assertEquals("Val de Lorraine", JSON.readTree(event.value()).get("name").asText());
        // The outbox keeps the published event, with the same id, for audit and replay.
        assertEquals(1, DB.count("SELECT count(*) FROM outbox_event WHERE event_id = ?::uuid AND published_at IS NOT NULL",
                event.header("ce_id")));
    }

    /** The gateway's correlation id follows the change into its event, for support across systems. */
    @Test
    void theCorrelationIdOfTheRequestTravelsWithTheEvent() {
        String code = newCode();
        given().auth().oauth2(admin()).contentType("application/json").header("X-Correlation-Id", "req-" + code)
                .body(Map.of("code", code, "name", "Sud Alsace", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(201).header("X-Correlation-Id", "req-" + code);
        List<KafkaTopics.Message> messages = KafkaTopics.readUntil(BuildInfrastructure.kafkaBootstrapServers(),
                Topics.TERRITORY, seen -> seen.stream().anyMatch(m -> code.equals(m.key())), Duration.ofSeconds(30));
        assertEquals("req-" + code, messages.stream().filter(m -> code.equals(m.key())).findFirst().orElseThrow()
                .header("correlation_id"));
        given().auth().oauth2(admin()).contentType("application/json").header("X-Correlation-Id", "not safe; at all")
                .body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(200).header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aCandidateIsNotAnnouncedUntilLabelled() {
        String code = newCode();
        create(code, "CANDIDATE");
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", code));

        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("status", "LABELLED", "reason", "Comité régional du 12 mars"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("LABELLED"));
        assertEquals(List.of("fr.territoires.territory.status-changed.v1", "fr.territoires.territory.labelled.v1"),
                DB.rows("SELECT event_type FROM outbox_event WHERE event_key = ? ORDER BY id", code).stream()
                        .map(r -> r.get("event_type")).toList());
    }

    @Test
    void invalidInputIsAProblemNamingEachFieldAndNothingIsStored() {
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", "Val de Lorraine", "name", " ", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name"));
        given().auth().oauth2(admin()).contentType("application/json")
                .body("{\"code\": \"ti-x1\", \"name\": \"X\", \"status\": \"SOMETHING\"}")
                .when().post("/api/territories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", "ti-x2", "name", "X", "status", "LEFT"))
                .when().post("/api/territories")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(admin()).contentType("application/json").body("{not json")
                .when().post("/api/territories")
                .then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, DB.count("SELECT count(*) FROM territory WHERE code IN ('ti-x1', 'ti-x2')"));
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE event_key IN ('ti-x1', 'ti-x2')"));
    }

    @Test
    void onlyTheProgrammeTeamChangesTheRegistry() {
        String code = newCode();
        given().contentType("application/json").body(Map.of("code", code, "name", "X", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner())
                .contentType("application/json").body(Map.of("code", code, "name", "X", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("lead").roles("territory-manager").territories(code).token())
                .contentType("application/json").body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(403);
        assertEquals(0, DB.count("SELECT count(*) FROM territory WHERE code = ?", code));
    }

    @Test
    void conflictsAndStaleVersionsAreRefused() {
        String code = newCode();
        create(code, "LABELLED");
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", code, "name", "Again", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:territory-exists"));
        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("status", "CANDIDATE"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:status-transition-not-allowed"));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"7\"")
                .body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(200).header("ETag", "\"1\"");
        given().when().get("/api/territories/" + code)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("LEFT"));
        given().when().get("/api/territories/ti-unknown")
                .then().statusCode(404).contentType("application/problem+json");
        // The refused changes left no event behind: one for labelling, one for leaving.
        assertEquals(2, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", code));
    }

    /** Each phase keeps the date the territory was labelled in it. */
    @Test
    void labelDatesArePerPhaseAndSetOnce() {
        String code = newCode();
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", code, "name", "Vallée", "status", "LABELLED", "phases", List.of("2019-2022", "2023-2027"),
                        "labelledOn", Map.of("2019-2022", "2019-03-14")))
                .when().post("/api/territories")
                .then().statusCode(201)
                .body("labels.phase", org.hamcrest.Matchers.contains("2019-2022", "2023-2027"),
                        "labels.labelledOn", org.hamcrest.Matchers.contains("2019-03-14",
                                DATES.today().toString()));
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", newCode(), "name", "X", "status", "LABELLED", "phases", List.of("2023-2027"),
                        "labelledOn", Map.of("2019-2022", "2019-03-14")))
                .when().post("/api/territories")
                .then().statusCode(400).body("errors[0].field", equalTo("labelledOn"));
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", newCode(), "name", "X", "status", "LABELLED",
                        "labelledOn", Map.of("2023-2027", "2099-01-01")))
                .when().post("/api/territories")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.startsWith("labelledOn"));

        String candidate = newCode();
        create(candidate, "CANDIDATE");
        given().when().get("/api/territories/" + candidate).then().body("labels.size()", equalTo(0));
        given().auth().oauth2(admin()).contentType("application/json").body(Map.of("status", "LABELLED"))
                .when().put("/api/territories/" + candidate + "/status")
                .then().statusCode(200).body("labels[0].labelledOn", equalTo(DATES.today().toString()));
    }
}
