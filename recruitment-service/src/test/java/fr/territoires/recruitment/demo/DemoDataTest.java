package fr.territoires.recruitment.demo;

import static fr.territoires.recruitment.RecruitmentFixtures.quoted;
import static fr.territoires.recruitment.RecruitmentFixtures.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.events.Topics;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo data `./platform up` loads: it waits for the demo territories to arrive from
 * territory.events (sent here as territory-service's demo sends them), then loads fictitious
 * companies and needs at every status. A database of its own, so the demo's communes do not clash
 * with other tests' territories.
 */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "recruitment_demo"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recruitment.demo-data.enabled", "true", "recruitment.demo-data.retry-interval", "1S");
        }
    }

    private static final Sql DB = Sql.on("recruitment_demo");

    @Inject
    DemoData demo;

    private static synchronized void territoriesArrive() {
        if (DB.count("SELECT count(*) FROM territory WHERE code IN ('ti-4420', 'ti-4408')") == 2) {
            return;
        }
        // Nothing is loaded before the territories are known.
        assertEquals(0, DB.count("SELECT count(*) FROM company"));
        send(Topics.TERRITORY, "fr.territoires.territory.labelled.v1", "ti-4420", "{\"code\":\"ti-4420\","
                + "\"name\":\"Val de Lorraine\",\"status\":\"LABELLED\",\"pilot\":true,\"perimeter\":{\"epcis\":"
                + "[\"245400601\",\"200041515\"],\"communes\":[" + quoted("54430", "54215", "54431") + "]}}");
        send(Topics.TERRITORY, "fr.territoires.territory.labelled.v1", "ti-4408", "{\"code\":\"ti-4408\","
                + "\"name\":\"Nord Lorraine\",\"status\":\"LABELLED\",\"pilot\":false,\"perimeter\":{\"epcis\":"
                + "[\"245701222\",\"245701271\",\"245701362\"],\"communes\":[" + quoted("57221", "57019", "57672") + "]}}");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> DB.count("SELECT count(*) FROM recruitment_need WHERE status = 'EXPIRED'") == 2);
    }

    @Test
    void theDemoIsLoadedOnceItsTerritoriesAreKnownWithNeedsAtEveryStatus() {
        territoriesArrive();
        List<Map<String, Object>> companies = DB.rows("SELECT siret, name, territory_code FROM company ORDER BY siret");
        assertEquals(6, companies.size());
        for (Map<String, Object> c : companies) {
            assertTrue(((String) c.get("name")).startsWith("(demo) "), c.toString());
            assertEquals(java.util.Optional.empty(), OfficialCodes.siretProblem((String) c.get("siret")), c.toString());
        }
        Map<Object, Long> territories = companies.stream()
                .collect(Collectors.groupingBy(c -> c.get("territory_code"), Collectors.counting()));
        assertEquals(Map.of("ti-4420", 3L, "ti-4408", 3L), territories);
        Map<Object, Object> statuses = DB.rows("SELECT status, count(*) AS n FROM recruitment_need GROUP BY status").stream()
                .collect(Collectors.toMap(r -> r.get("status"), r -> r.get("n")));
        assertEquals(Map.of("OPEN", 7L, "PARTIALLY_FILLED", 4L, "FILLED", 2L, "CANCELLED", 1L, "EXPIRED", 2L), statuses);

        given().auth().oauth2(TestTokens.partner()).queryParam("territory", "ti-4420").queryParam("size", 100)
                .when().get("/api/recruitment/needs")
                .then().statusCode(200).body("total", equalTo(8), "items.companyName", everyItem(startsWith("(demo) ")),
                        "items.romeCode", hasItems("H2913", "H2903", "I1310", "H3302"));
        // The realm's demo company user (SIREN 999990005) manages the first demo company's needs.
        given().auth().oauth2(TestTokens.user("company.demo").roles("company").siren("999990005").token())
                .when().get("/api/recruitment/needs")
                .then().statusCode(200).body("total", equalTo(3),
                        "items.companyName", everyItem(equalTo("(demo) Métallerie du Bassin de Pompey")));
        // The indicators have something true to show: open, difficult, old needs of industry and maintenance.
        given().auth().oauth2(TestTokens.partner()).queryParam("area", "ti-4408")
                .when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(200).body("jobs.job", hasItems("I1304", "I1310"));
    }

    @Test
    void loadingAgainChangesNothingAndPublishesNothing() throws Throwable {
        territoriesArrive();
        long events = DB.count("SELECT count(*) FROM outbox_event");
        List<String> loaded = VertxContextSupport.subscribeAndAwait(demo::load);
        assertEquals(List.of(), loaded);
        assertEquals(events, DB.count("SELECT count(*) FROM outbox_event"));
        assertEquals(List.of("need-cancelled.v1", "need-expired.v1", "need-filled.v1", "need-published.v1",
                "need-updated.v1"), DB.rows("SELECT DISTINCT replace(event_type, 'fr.territoires.recruitment.', '') AS t "
                        + "FROM outbox_event ORDER BY t").stream().map(r -> r.get("t")).toList());
        assertEquals(16, DB.count("SELECT count(*) FROM outbox_event WHERE event_type LIKE '%need-published.v1'"));
    }
}
