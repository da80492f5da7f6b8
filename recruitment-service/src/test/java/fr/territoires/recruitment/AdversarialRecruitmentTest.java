package fr.territoires.recruitment;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.Adversary;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's adversarial suite for recruitment-service, as for funding-service: every operation of
 * its OpenAPI document, for every demo role and for no token, with malformed inputs
 * (fr.territoires.testing.Adversary). Never a 5xx, every refusal problem+json, every 400 naming a
 * field, and nothing stored or published.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AdversarialRecruitmentTest {

    private static final List<String> TABLES = List.of("company", "recruitment_need", "need_change", "funded_action",
            "outbox_event", "dead_letter");

    private static Map<String, Long> counts() {
        return DB.rowCounts(TABLES);
    }

    @Test
    void everyOperationRefusesMalformedInputCleanlyAndStoresNothing() {
        // Angers (49007), a commune no other test class of this service uses.
        String territory = RecruitmentFixtures.labelled(RecruitmentFixtures.newCode("adv"), "49007");
        String siret = RecruitmentFixtures.registeredCompany("49007");
        String need = RecruitmentFixtures.declared(RecruitmentFixtures.company(siret), RecruitmentFixtures.needBody(siret));
        // Cancelled first: an empty body is a valid cancellation of an open need, which is no finding.
        // Attacked once cancelled, every change of it must be refused and change nothing.
        io.restassured.RestAssured.given().auth().oauth2(RecruitmentFixtures.admin()).contentType("application/json")
                .body("{}").when().post("/api/recruitment/needs/" + need + "/cancel").then().statusCode(200);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("programme-admin", RecruitmentFixtures.admin());
        callers.put("region-officer", RecruitmentFixtures.officer("52"));
        callers.put("territory-manager", RecruitmentFixtures.manager(territory));
        callers.put("company", RecruitmentFixtures.company(siret));
        callers.put("partner", RecruitmentFixtures.partner());
        Map<String, Long> before = counts();
        Adversary.Report report = new Adversary(callers, name -> switch (name) {
            case "code", "territory" -> territory;
            case "siret" -> siret;
            case "id" -> need;
            default -> UUID.randomUUID().toString();
        }, 14L).attack("/q/openapi", "/api/recruitment");
        System.out.println("[adversary] recruitment-service: " + report.summary());
        assertTrue(report.findings().isEmpty(), () -> report.summary() + "\n  "
                + String.join("\n  ", report.findings().stream().limit(40).map(Object::toString).toList()));
        assertEquals(before, counts(), "nothing stored or published");
        assertTrue(report.operations() > 10, report.summary());
    }
}
