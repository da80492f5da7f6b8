package fr.territoires.recruitment.territory;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.awaitApplied;
import static fr.territoires.recruitment.RecruitmentFixtures.companyBody;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.labelledPayload;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.partner;
import static fr.territoires.recruitment.RecruitmentFixtures.quoted;
import static fr.territoires.recruitment.RecruitmentFixtures.send;
import static fr.territoires.recruitment.RecruitmentFixtures.siret;
import static fr.territoires.recruitment.RecruitmentFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.events.Topics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The territory replica, fed by real territory events: where a company may register. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TerritoryReplicaTest {

    private static final String DIJON = "21231";
    private static final String BEAUNE = "21054";
    private static final String TOURS = "37261";
    private static final String ORLEANS = "45234";

    private static int register(String commune) {
        return given().auth().oauth2(admin()).contentType("application/json").body(companyBody(siret(), commune))
                .when().post("/api/recruitment/companies").then().extract().statusCode();
    }

    private static String perimeterChanged(String code, String effectiveOn, String... communes) {
        return send(Topics.TERRITORY, "fr.territoires.territory.perimeter-changed.v1", code, "{\"code\":\"" + code
                + "\",\"name\":\"Territoire " + code + "\",\"effectiveOn\":\"" + effectiveOn + "\",\"perimeter\":{"
                + "\"epcis\":[],\"communes\":[" + quoted(communes) + "]},\"previousEpcis\":[]}");
    }

    private static String statusChanged(String code, String status, String previous) {
        return send(Topics.TERRITORY, "fr.territoires.territory.status-changed.v1", code, "{\"code\":\"" + code
                + "\",\"name\":\"Territoire " + code + "\",\"status\":\"" + status + "\",\"previousStatus\":\"" + previous
                + "\"}");
    }

    @Test
    void aLabelledTerritoryTakesCompaniesInItsCommunesAndAFuturePerimeterWaitsForItsDay() {
        String code = labelled(newCode("r"), DIJON);
        given().auth().oauth2(partner()).queryParam("size", 100).when().get("/api/recruitment/territories")
                .then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.status", equalTo("LABELLED"),
                        "items.find { it.code == '" + code + "' }.communes", equalTo(1),
                        "items.find { it.code == '" + code + "' }.departements", contains("21"),
                        "items.find { it.code == '" + code + "' }.regions", contains("27"));
        assertEquals(201, register(DIJON));
        assertEquals(400, register(BEAUNE));

        awaitApplied(perimeterChanged(code, today().plusDays(10).toString(), DIJON, BEAUNE));
        assertEquals(400, register(BEAUNE), "Beaune joins in ten days, not today");
        assertEquals(201, register(DIJON));
        assertEquals(2, DB.count("SELECT count(*) FROM territory_perimeter WHERE territory_code = ?", code));
        assertEquals(1, DB.count("SELECT count(*) FROM territory_perimeter WHERE territory_code = ? AND effective_on = ? "
                + "AND ? = ANY (communes)", code, today().plusDays(10), BEAUNE));
    }

    /** territory-service announces a new territory (empty), then its perimeter from a date in the past. */
    @Test
    void aPerimeterGivenFromAnEarlierDateReplacesWhatTheLabelSaid() {
        String code = newCode("r");
        String label = send(Topics.TERRITORY, "fr.territoires.territory.labelled.v1", code, labelledPayload(code));
        awaitApplied(label);
        assertEquals(400, register(TOURS));
        awaitApplied(perimeterChanged(code, "2018-11-22", TOURS));
        assertEquals(201, register(TOURS));
        assertEquals(1, DB.count("SELECT count(*) FROM territory_perimeter WHERE territory_code = ?", code));
    }

    @Test
    void aTerritoryThatLeftTakesNoCompanyUntilItIsLabelledAgain() {
        String code = labelled(newCode("r"), ORLEANS);
        assertEquals(201, register(ORLEANS));
        awaitApplied(statusChanged(code, "LEFT", "LABELLED"));
        given().auth().oauth2(admin()).contentType("application/json").body(companyBody(siret(), ORLEANS))
                .when().post("/api/recruitment/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("commune"),
                        "errors[0].message", equalTo("lies outside every labelled territory known to the platform"));
        awaitApplied(statusChanged(code, "LABELLED", "LEFT"));
        assertEquals(201, register(ORLEANS));
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String code = newCode("r");
        String id = java.util.UUID.randomUUID().toString();
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_id", id);
        headers.put("ce_source", "/territoires/territory-service");
        headers.put("ce_type", "fr.territoires.territory.labelled.v1");
        headers.put("ce_time", java.time.Instant.now().toString());
        headers.put("ce_subject", code);
        headers.put("ce_specversion", "1.0");
        headers.put("content-type", "application/json");
        fr.territoires.testing.KafkaTopics.send(fr.territoires.recruitment.RecruitmentFixtures.kafka(), Topics.TERRITORY,
                code, headers, labelledPayload(code, "25056"));
        fr.territoires.testing.KafkaTopics.send(fr.territoires.recruitment.RecruitmentFixtures.kafka(), Topics.TERRITORY,
                code, headers, labelledPayload(code, "25056"));
        String after = statusChanged(code, "LEFT", "LABELLED");
        awaitApplied(after);
        assertEquals(1, DB.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", id));
        assertEquals("LEFT", DB.rows("SELECT status FROM territory WHERE code = ?", code).get(0).get("status"));
    }
}
