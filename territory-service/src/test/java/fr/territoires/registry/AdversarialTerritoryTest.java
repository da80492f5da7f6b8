package fr.territoires.registry;

import static fr.territoires.registry.RegistryFixtures.DB;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.Adversary;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's adversarial suite for territory-service, as for funding- and recruitment-service: every
 * operation of its OpenAPI document, for every demo role and for no token, with malformed inputs
 * (fr.territoires.testing.Adversary). Never a 5xx, every refusal problem+json, every 400 naming a
 * field, and nothing stored or published but by the few inputs that are valid requests (an empty
 * object where every field is optional), which the test names.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AdversarialTerritoryTest {

    private static final List<String> TABLES = List.of("territory", "territory_epci", "perimeter_change", "governance",
            "committee_meeting", "contract_document", "industrial_profile", "key_company", "action_sheet",
            "industrial_site", "territory_label", "official_list_load", "outbox_event");

    private static Map<String, Long> counts() {
        return DB.rowCounts(TABLES);
    }

    @Test
    void everyOperationRefusesMalformedInputCleanlyAndStoresNothing() {
        // CC des Sources du Lac d'Annecy (Haute-Savoie), no other test's, with one industrial site to aim at.
        String territory = RegistryFixtures.territoryWith("adv", "247400773");
        long site = given().auth().oauth2(RegistryFixtures.manager(territory)).contentType("application/json")
                .body(Map.of("name", "Adversary's plot", "commune", "74104", "areaHectares", 3.5))
                .when().post("/api/territories/" + territory + "/sites")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("programme-admin", TestTokens.programmeAdmin());
        callers.put("region-officer", RegistryFixtures.officer("84"));
        callers.put("territory-manager", RegistryFixtures.manager(territory));
        callers.put("company", RegistryFixtures.company());
        callers.put("partner", TestTokens.partner());
        Map<String, Long> before = counts();
        Adversary.Report report = new Adversary(callers, name -> switch (name) {
            case "code", "territory" -> territory;
            case "id" -> Long.toString(site);
            default -> "1";
        }, 14L).attack("/q/openapi", "/api/territories");
        System.out.println("[adversary] territory-service: " + report.summary());
        assertTrue(report.findings().isEmpty(), () -> report.summary() + "\n  "
                + String.join("\n  ", report.findings().stream().limit(60).map(Object::toString).toList()));
        report.accepted().forEach(a -> System.out.println("[adversary] accepted: " + a));
        // Rightly accepted: an empty object where every field is optional ("absent fields stay" for the
        // identity; governance and profile are optional throughout). Nothing else may be.
        List<String> wrongly = report.accepted().stream().filter(a -> !a.endsWith("with an empty object")
                || !(a.startsWith("PUT /api/territories/{code} ") || a.startsWith("PUT /api/territories/{code}/governance ")
                        || a.startsWith("PUT /api/territories/{code}/industrial-profile "))).toList();
        assertEquals(List.of(), wrongly, "hostile input accepted");
        Map<String, Long> after = counts();
        long published = after.get("outbox_event") - before.get("outbox_event");
        assertTrue(published <= report.accepted().size(), "at most one event per accepted change: " + published);
        for (String table : List.of("governance", "industrial_profile", "outbox_event")) {
            before.remove(table);
            after.remove(table);
        }
        assertEquals(before, after, "nothing else stored");
        assertTrue(report.operations() > 10, report.summary());
    }
}
