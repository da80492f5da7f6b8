package fr.territoires.registry.governance;

import static fr.territoires.registry.RegistryFixtures.DB;
import static fr.territoires.registry.RegistryFixtures.eventTypes;
import static fr.territoires.registry.RegistryFixtures.lastEvent;
import static fr.territoires.registry.RegistryFixtures.manager;
import static fr.territoires.registry.RegistryFixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.events.EventType;
import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binôme, the project lead, committees and the contract: who records what, in which order. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class GovernanceResourceTest {

    /** CC du Pays Orne Moselle, Grand Est (44); only this class uses it. */
    private static final String ORNE_MOSELLE = "245701271";
    private static String grandEst;

    private static synchronized String grandEstTerritory() {
        if (grandEst == null) {
            grandEst = RegistryFixtures.territoryWith("g", ORNE_MOSELLE);
        }
        return grandEst;
    }

    private static Map<String, Object> governance(String siren) {
        return Map.of(
                "electedOfficial", Map.of("name", "Jean Dupont", "role", "Vice-président", "organisation",
                        "CC du Pays Orne Moselle"),
                "industrialist", Map.of("name", "Marie Martin", "role", "Directrice de site", "organisation",
                        "Exemple Industries", "siren", siren),
                "projectLead", Map.of("name", "Claire Bernard", "employer", "CC du Pays Orne Moselle", "since", "2024-03-01"),
                "projectLeadFunders", List.of("ANCT", "CC du Pays Orne Moselle"));
    }

    @Test
    void theTerritorysManagerSetsTheBinomeAndItIsPublicAndAnnounced() {
        String code = RegistryFixtures.territory("g");
        given().when().get("/api/territories/" + code + "/governance")
                .then().statusCode(200).body("electedOfficial", nullValue(), "meetings.size()", equalTo(0));

        given().auth().oauth2(manager(code)).contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance")
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("industrialist.siren", equalTo("552081317"), "projectLead.since", equalTo("2024-03-01"),
                        "projectLeadFunders", contains("ANCT", "CC du Pays Orne Moselle"));
        given().when().get("/api/territories/" + code + "/governance")
                .then().statusCode(200).body("electedOfficial.name", equalTo("Jean Dupont"));

        JsonNode event = lastEvent(code, EventType.TERRITORY_UPDATED);
        assertEquals("governance", event.at("/changed/0").asText());
        assertEquals("Marie Martin", event.at("/governance/industrialist/name").asText());

        // A whole replace without If-Match is refused (428 naming the header): nothing changes.
        given().auth().oauth2(manager(code)).contentType("application/json").body(governance("356000000"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().when().get("/api/territories/" + code + "/governance")
                .then().statusCode(200).header("ETag", "\"0\"").body("industrialist.siren", equalTo("552081317"));

        // A stale ETag loses nothing; the current one goes through.
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", "\"5\"")
                .body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(412);
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", "\"0\"")
                .body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(200).header("ETag", "\"1\"");
    }

    /**
     * Found by the adversary sending four requests at once: two first replaces of a territory's governance both
     * found no record and both inserted, the second a duplicate key answered 500. Now one is stored, the others
     * are told the record exists (428: its If-Match is needed) or changed meanwhile (409); never a 500.
     */
    @Test
    void firstReplacesAtTheSameTimeStoreOneRecordAndNeverFail() {
        for (int round = 0; round < 3; round++) { // three fresh territories: a race does not show every time
            String code = RegistryFixtures.territory("g");
            List<Integer> statuses = RegistryFixtures.atOnce(6, () -> given().auth().oauth2(manager(code))
                    .contentType("application/json").body(governance("552081317"))
                    .when().put("/api/territories/" + code + "/governance").statusCode());
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 428), statuses.toString());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(1, DB.count("SELECT count(*) FROM governance WHERE territory_code = ?", code));
        }
    }

    @Test
    void othersMayNotEditAndBadInputIsRefusedWithNothingStored() {
        String code = grandEstTerritory();
        String other = RegistryFixtures.territory("g");
        given().auth().oauth2(manager(other)).contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(officer("84")).contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(403);
        given().auth().oauth2(TestTokens.partner()).contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(403);
        given().auth().oauth2(RegistryFixtures.company()).contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(403);
        given().contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(401);
        given().auth().oauth2(officer("44")).contentType("application/json").body(governance("552081318"))
                .when().put("/api/territories/" + code + "/governance")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("industrialist.siren"),
                        "errors[0].message", equalTo("is not a valid SIREN (Luhn check)"));
        assertEquals(0, DB.count("SELECT count(*) FROM governance WHERE territory_code = ?", code));

        // The region's officer may.
        given().auth().oauth2(officer("44")).contentType("application/json").body(governance("552081317"))
                .when().put("/api/territories/" + code + "/governance").then().statusCode(200);
    }

    @Test
    void theContractIsRecordedInSignatureOrderByTheRegionOrTheProgramme() {
        String code = grandEstTerritory();
        Map<String, Object> avenant = Map.of("kind", "AVENANT", "title", "Avenant n°1", "signedOn", "2025-04-02",
                "signatories", List.of("Préfet de région", "Président de la Région Grand Est"));
        given().auth().oauth2(officer("44")).contentType("application/json").body(avenant)
                .when().post("/api/territories/" + code + "/governance/contract")
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:contract-order"));

        given().auth().oauth2(manager(code)).contentType("application/json")
                .body(Map.of("kind", "PROTOCOLE_ACCORD", "title", "Protocole d'accord", "signedOn", "2023-06-15",
                        "signatories", List.of("Préfet")))
                .when().post("/api/territories/" + code + "/governance/contract")
                .then().statusCode(403);
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("kind", "PROTOCOLE_ACCORD", "title", "Protocole d'accord", "signedOn", "2023-06-15",
                        "signatories", List.of("Préfet")))
                .when().post("/api/territories/" + code + "/governance/contract").then().statusCode(201);
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("kind", "CONTRAT", "title", "Contrat Territoires d'industrie", "signedOn", "2023-06-14",
                        "signatories", List.of("Préfet")))
                .when().post("/api/territories/" + code + "/governance/contract")
                .then().statusCode(400).body("errors[0].field", equalTo("signedOn"));
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("kind", "CONTRAT", "title", "Contrat", "signedOn", "2024-02-01", "endsOn", "2024-01-01",
                        "signatories", List.of("Préfet")))
                .when().post("/api/territories/" + code + "/governance/contract")
                .then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json")
                .body(Map.of("kind", "CONTRAT", "reference", "TI-2024-057", "title", "Contrat Territoires d'industrie",
                        "signedOn", "2024-02-01", "endsOn", "2027-12-31",
                        "signatories", List.of("Préfet de région", "Région Grand Est", "Banque des Territoires")))
                .when().post("/api/territories/" + code + "/governance/contract").then().statusCode(201);
        given().auth().oauth2(officer("44")).contentType("application/json").body(avenant)
                .when().post("/api/territories/" + code + "/governance/contract").then().statusCode(201);

        given().when().get("/api/territories/" + code + "/governance")
                .then().statusCode(200).body("contract.kind", contains("PROTOCOLE_ACCORD", "CONTRAT", "AVENANT"));
        JsonNode event = lastEvent(code, EventType.TERRITORY_UPDATED);
        assertEquals("AVENANT", event.at("/contractDocument/kind").asText());
        assertEquals(3, DB.count("SELECT count(*) FROM contract_document WHERE territory_code = ?", code));
    }

    @Test
    void committeesRecordTheirMeetingsAndDecisions() {
        String code = grandEstTerritory();
        long before = eventTypes(code).size();
        given().auth().oauth2(manager(code)).contentType("application/json")
                .body(Map.of("committee", "LOCAL_PROJECT", "heldOn", "2024-09-12", "place", "Amnéville",
                        "chairedBy", "Le binôme", "decisions", List.of("Nine action sheets adopted")))
                .when().post("/api/territories/" + code + "/governance/meetings")
                .then().statusCode(201).body("decisions", contains("Nine action sheets adopted"));
        given().auth().oauth2(manager(code)).contentType("application/json")
                .body(Map.of("committee", "REGIONAL_STEERING", "heldOn", "2024-10-01"))
                .when().post("/api/territories/" + code + "/governance/meetings")
                .then().statusCode(403);
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("committee", "REGIONAL_STEERING", "heldOn", "2099-10-01", "decisions", List.of("Approved")))
                .when().post("/api/territories/" + code + "/governance/meetings")
                .then().statusCode(400).body("errors[0].field", equalTo("decisions"));
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("committee", "NATIONAL", "heldOn", "2024-10-01"))
                .when().post("/api/territories/" + code + "/governance/meetings")
                .then().statusCode(400).body("errors[0].field", equalTo("committee"));
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("committee", "REGIONAL_STEERING", "heldOn", "2099-10-01"))
                .when().post("/api/territories/" + code + "/governance/meetings")
                .then().statusCode(201);
        assertEquals(before + 2, eventTypes(code).size(), "one event per recorded meeting, none for refusals");
        assertEquals("committee-meeting", lastEvent(code, EventType.TERRITORY_UPDATED).at("/changed/0").asText());
    }
}
