package fr.territoires.recruitment.need;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.PATIENCE;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.company;
import static fr.territoires.recruitment.RecruitmentFixtures.declared;
import static fr.territoires.recruitment.RecruitmentFixtures.kafka;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.lastEvent;
import static fr.territoires.recruitment.RecruitmentFixtures.manager;
import static fr.territoires.recruitment.RecruitmentFixtures.needBody;
import static fr.territoires.recruitment.RecruitmentFixtures.needs;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.officer;
import static fr.territoires.recruitment.RecruitmentFixtures.outbox;
import static fr.territoires.recruitment.RecruitmentFixtures.partner;
import static fr.territoires.recruitment.RecruitmentFixtures.registeredCompany;
import static fr.territoires.recruitment.RecruitmentFixtures.siret;
import static fr.territoires.recruitment.RecruitmentFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.events.EventType;
import fr.territoires.events.Topics;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Needs through the API: declared, changed, filled, cancelled, announced; bad input and scope refused. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class NeedResourceTest {

    private static final String LILLE = "59350";
    private static final String ROUBAIX = "59512";
    private static String territory;

    private static synchronized String territory() {
        if (territory == null) {
            territory = labelled(newCode("n"), LILLE, ROUBAIX);
        }
        return territory;
    }

    @Test
    void aCompanyDeclaresANeedAnnouncedToPartnersWithoutPersonalData() {
        String code = territory();
        String siret = registeredCompany(LILLE);
        String id = given().auth().oauth2(company(siret)).contentType("application/json").body(needBody(siret))
                .when().post("/api/recruitment/needs")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"), "territory", equalTo(code), "commune", equalTo(LILLE),
                        "communeName", equalTo("Lille"), "departement", equalTo("59"), "region", equalTo("32"),
                        "epci", equalTo("200093201"), "romeFamily.code", equalTo("H"),
                        "romeFamily.name", equalTo("Industrie"), "openPositions", equalTo(3), "filledCount", equalTo(0),
                        "declaredOn", equalTo(today().toString()), "companyName", equalTo("Entreprise " + siret),
                        // The referential's official label beside the company's own words.
                        "romeLabel", equalTo("Soudage manuel"), "jobTitle", equalTo("Soudeur / soudeuse TIG"))
                .extract().jsonPath().getString("id");
        given().auth().oauth2(company(siret)).when().get("/api/recruitment/needs/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("skills", contains("TIG", "Lecture de plans"), "difficultyReasons", contains("CANDIDATE_SHORTAGE"),
                        "hoursPerWeek", equalTo(35.0f), "fundedActions", equalTo(List.of()));

        JsonNode published = lastEvent(id, EventType.NEED_PUBLISHED);
        assertEquals(code, published.get("code").asText());
        assertEquals("H2913", published.at("/need/romeCode").asText());
        assertEquals(LILLE, published.at("/need/commune").asText());
        assertEquals(3, published.at("/need/headcount").asInt());
        assertEquals("CDI", published.at("/need/contractType").asText());
        assertFalse(published.toString().contains(siret.substring(0, 9)), "no SIREN or SIRET in the event");
        assertFalse(published.toString().contains("Entreprise"), "no company name in the event");
        // The relay publishes it on recruitment.events, keyed by territory, as partners read it.
        List<KafkaTopics.Message> messages = KafkaTopics.readUntil(kafka(), Topics.RECRUITMENT,
                seen -> seen.stream().anyMatch(m -> m.value().contains(id)), PATIENCE);
        KafkaTopics.Message message = messages.stream().filter(m -> m.value().contains(id)).findFirst().orElseThrow();
        assertEquals(code, message.key());
        assertEquals(code, message.header("ce_subject"));
        assertEquals("fr.territoires.recruitment.need-published.v1", message.header("ce_type"));
    }

    @Test
    void positionsFilledMoveTheStatusUntilTheNeedIsFilledAndClosed() {
        territory();
        String siret = registeredCompany(ROUBAIX);
        String token = company(siret);
        String id = declared(token, needBody(siret));
        Map<String, Object> body = needBody(siret);
        body.put("filledCount", 1);
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"").body(body)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("PARTIALLY_FILLED"), "openPositions", equalTo(2));
        assertEquals(List.of("filledCount", "status"), jsonList(lastEvent(id, EventType.NEED_UPDATED).get("changed")));
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"").body(body)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        body.put("filledCount", 3);
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"1\"").body(body)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(200)
                .body("status", equalTo("FILLED"), "openPositions", equalTo(0), "closedOn", equalTo(today().toString()));
        JsonNode filled = lastEvent(id, EventType.NEED_FILLED);
        assertEquals("PARTIALLY_FILLED", filled.get("previousStatus").asText());
        assertEquals("FILLED", filled.at("/need/status").asText());

        long events = outbox();
        given().auth().oauth2(token).contentType("application/json").body(body)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "*").body(body)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:territoires:problem:need-closed"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of())
                .when().post("/api/recruitment/needs/" + id + "/cancel").then().statusCode(409);
        assertEquals(events, outbox());
        assertEquals(List.of("PUBLISHED", "UPDATED", "FILLED"), DB.rows(
                "SELECT kind FROM need_change WHERE need_id = CAST(? AS uuid) ORDER BY id", id).stream()
                .map(r -> r.get("kind")).toList());
    }

    @Test
    void aCancelledNeedIsAnnouncedWithoutItsReason() {
        territory();
        String siret = registeredCompany(LILLE);
        String id = declared(admin(), needBody(siret));
        given().auth().oauth2(manager(territory())).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("reason", "Hired through a friend of Mr Martin"))
                .when().post("/api/recruitment/needs/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"),
                        "cancelReason", equalTo("Hired through a friend of Mr Martin"));
        JsonNode cancelled = lastEvent(id, EventType.NEED_CANCELLED);
        assertEquals("OPEN", cancelled.get("previousStatus").asText());
        assertFalse(cancelled.toString().contains("Martin"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        territory();
        String siret = registeredCompany(LILLE);
        long before = needs();
        long events = outbox();
        Object[][] cases = {
                {"romeCode", "Z1234", "has no ROME family Z: the families are A to N"},
                {"romeCode", "H291", "must be a ROME code: a letter A to N and four digits, e.g. H2913"},
                // Well-formed, family H, but no job of France Travail's referential.
                {"romeCode", "H9999", "is not a job of the ROME referential (France Travail, 532 codes)"},
                {"headcount", 0, "must be between 1 and 10,000"},
                {"headcount", 10_001, "must be between 1 and 10,000"},
                {"filledCount", 4, "must not exceed headcount (3)"},
                {"deadline", today().plusDays(3).toString(), "must be on or after startDate (" + today().plusDays(7) + ")"},
                {"hoursPerWeek", 49, "must be more than 0 and at most 48 (the legal weekly maximum)"},
                {"siret", "73282932000075", "is not a valid SIRET (Luhn check)"},
                {"siret", siret(), "is not a registered company; register it first at /api/recruitment/companies"},
                {"jobTitle", "", "must not be blank"},
                {"difficultyReasons", List.of(), "must name at least one reason when difficult is true"},
                {"contractType", "INTERIM", "has the wrong type or format"},
                {"startDate", "2026-13-01", "has the wrong type or format"},
        };
        for (Object[] c : cases) {
            Map<String, Object> body = needBody(siret);
            body.put((String) c[0], c[1]);
            given().auth().oauth2(admin()).contentType("application/json").body(body)
                    .when().post("/api/recruitment/needs")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[0]), "errors[0].message", equalTo(c[2]));
        }
        Map<String, Object> several = needBody(siret);
        several.put("headcount", -2);
        several.put("romeCode", "O1234");
        given().auth().oauth2(admin()).contentType("application/json").body(several)
                .when().post("/api/recruitment/needs")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("headcount", "romeCode"));
        given().auth().oauth2(admin()).contentType("application/json").body("{\"siret\": ")
                .when().post("/api/recruitment/needs")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, needs());
        assertEquals(events, outbox());

        String id = declared(admin(), needBody(siret));
        Map<String, Object> tooMany = needBody(siret);
        tooMany.put("filledCount", 5);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"0\"").body(tooMany)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("filledCount"));
        Map<String, Object> otherCompany = needBody(registeredCompany(LILLE));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"0\"").body(otherCompany)
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("siret"));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "yesterday")
                .body(needBody(siret))
                .when().put("/api/recruitment/needs/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(admin()).when().get("/api/recruitment/needs/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("filledCount", equalTo(0));
    }

    @Test
    void eachRoleSeesAndChangesWhatItsScopeAllows() {
        String code = territory();
        String mine = registeredCompany(LILLE);
        String theirs = registeredCompany(ROUBAIX);
        long before = needs();
        given().auth().oauth2(company(mine)).contentType("application/json").body(needBody(theirs))
                .when().post("/api/recruitment/needs").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(manager("ti-elsewhere")).contentType("application/json").body(needBody(theirs))
                .when().post("/api/recruitment/needs").then().statusCode(403);
        given().auth().oauth2(officer("32")).contentType("application/json").body(needBody(theirs))
                .when().post("/api/recruitment/needs").then().statusCode(403);
        given().auth().oauth2(partner()).contentType("application/json").body(needBody(theirs))
                .when().post("/api/recruitment/needs").then().statusCode(403);
        assertEquals(before, needs());

        String id = declared(manager(code), needBody(theirs));
        String own = declared(company(mine), needBody(mine));
        given().auth().oauth2(company(mine)).when().get("/api/recruitment/needs/" + id).then().statusCode(403);
        given().auth().oauth2(company(mine)).contentType("application/json").body(needBody(theirs))
                .when().put("/api/recruitment/needs/" + id).then().statusCode(403);
        given().auth().oauth2(officer("32")).when().get("/api/recruitment/needs/" + id).then().statusCode(200);
        given().auth().oauth2(officer("27")).when().get("/api/recruitment/needs/" + id).then().statusCode(403);
        given().auth().oauth2(partner()).when().get("/api/recruitment/needs/" + id).then().statusCode(200);

        given().auth().oauth2(company(mine)).queryParam("size", 100).when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.siret", everyItem(startsWith(mine.substring(0, 9))),
                        "items.id", hasItem(own));
        given().auth().oauth2(officer("32")).queryParam("territory", code).queryParam("size", 100)
                .when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.id", hasItem(id), "items.region", everyItem(equalTo("32")));
        given().auth().oauth2(officer("27")).queryParam("size", 100).when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(manager("ti-elsewhere")).when().get("/api/recruitment/needs")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theListIsFilteredAndPagedInAStableOrder() {
        String code = territory();
        String siret = registeredCompany(ROUBAIX);
        Map<String, Object> cnc = needBody(siret);
        cnc.put("romeCode", "H2903");
        cnc.put("jobTitle", "Opérateur régleur CN");
        cnc.put("contractType", "APPRENTICESHIP");
        cnc.put("difficult", false);
        cnc.put("difficultyReasons", List.of());
        declared(admin(), cnc);
        Map<String, Object> maintenance = needBody(siret);
        maintenance.put("romeCode", "I1304");
        declared(admin(), maintenance);
        declared(admin(), needBody(siret));

        given().auth().oauth2(partner()).queryParam("siret", siret).when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.romeCode", contains("H2903", "H2913", "I1304"), "total", equalTo(3));
        given().auth().oauth2(partner()).queryParam("siret", siret).queryParam("family", "H")
                .queryParam("difficult", "true").when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.romeCode", contains("H2913"));
        given().auth().oauth2(partner()).queryParam("siret", siret).queryParam("contractType", "APPRENTICESHIP")
                .queryParam("territory", code).when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.jobTitle", contains("Opérateur régleur CN"));
        given().auth().oauth2(partner()).queryParam("siret", siret).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/recruitment/needs")
                .then().statusCode(200).body("items.romeCode", contains("I1304"), "totalPages", equalTo(2));
        for (String[] bad : new String[][] {{"status", "LOST"}, {"family", "Z"}, {"difficult", "maybe"},
                {"romeCode", "X1"}, {"size", "1000"}, {"contractType", "INTERIM"}}) {
            given().auth().oauth2(partner()).queryParam(bad[0], bad[1]).when().get("/api/recruitment/needs")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void anUnknownNeedIsNotFound() {
        given().auth().oauth2(partner()).when().get("/api/recruitment/needs/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(partner()).when().get("/api/recruitment/needs/not-a-need").then().statusCode(404);
    }

    private static List<String> jsonList(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
