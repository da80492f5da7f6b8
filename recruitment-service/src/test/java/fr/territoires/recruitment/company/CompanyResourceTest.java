package fr.territoires.recruitment.company;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.company;
import static fr.territoires.recruitment.RecruitmentFixtures.companyBody;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.manager;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.officer;
import static fr.territoires.recruitment.RecruitmentFixtures.partner;
import static fr.territoires.recruitment.RecruitmentFixtures.siret;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.territoires.recruitment.reference.ReferenceData;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Companies: checked codes, a labelled territory, their own scope. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CompanyResourceTest {

    @Inject
    ReferenceData reference;

    /** The lists the codes are checked against, in the running service: held once, by the bean itself. */
    @Test
    void theListsAreHeldOnceNotAgainByAProxy() {
        // ArC builds a normal-scoped bean's client proxy with the class's own constructor: behind one, the lists were
        // read twice and both copies kept (70,000 communes in the heap)
        assertFalse(reference instanceof io.quarkus.arc.ClientProxy, "ReferenceData is reached through a client proxy");
        assertEquals("Pont-à-Mousson", reference.commune("54431").orElseThrow().name());
    }

    private static final String LYON = "69123";
    private static final String VILLEURBANNE = "69266";
    private static String territory;

    private static synchronized String territory() {
        if (territory == null) {
            territory = labelled(newCode("c"), LYON, VILLEURBANNE);
        }
        return territory;
    }

    private static long companies() {
        return DB.count("SELECT count(*) FROM company");
    }

    @Test
    void aCompanyRegistersItsEstablishmentAndChangesItWithIfMatch() {
        String code = territory();
        String siret = siret();
        given().auth().oauth2(company(siret)).contentType("application/json").body(companyBody(siret, LYON))
                .when().post("/api/recruitment/companies")
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", org.hamcrest.Matchers.endsWith(siret))
                .body("territory", equalTo(code), "region", equalTo("84"), "communeName", equalTo("Lyon"),
                        "nafLabel", equalTo("Fabrication de structures métalliques et de parties de structures"),
                        "siren", equalTo(siret.substring(0, 9)));
        Map<String, Object> moved = companyBody(siret, VILLEURBANNE);
        moved.put("name", "Chaudronnerie de Villeurbanne");
        moved.put("sizeBand", "MEDIUM");
        given().auth().oauth2(company(siret)).contentType("application/json").header("If-Match", "\"0\"").body(moved)
                .when().put("/api/recruitment/companies/" + siret)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Chaudronnerie de Villeurbanne"), "communeName", equalTo("Villeurbanne"),
                        "sizeBand", equalTo("MEDIUM"));
        given().auth().oauth2(company(siret)).contentType("application/json").header("If-Match", "\"0\"").body(moved)
                .when().put("/api/recruitment/companies/" + siret)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(officer("84")).when().get("/api/recruitment/companies/" + siret)
                .then().statusCode(200).body("name", equalTo("Chaudronnerie de Villeurbanne"));
        given().auth().oauth2(officer("44")).when().get("/api/recruitment/companies/" + siret).then().statusCode(403);
        given().auth().oauth2(company(siret)).queryParam("size", 100).when().get("/api/recruitment/companies")
                .then().statusCode(200).body("items.siret", hasItem(siret),
                        "items.siren", everyItem(equalTo(siret.substring(0, 9))));
        given().auth().oauth2(officer("44")).queryParam("size", 100).when().get("/api/recruitment/companies")
                .then().statusCode(200).body("items.siret", not(hasItem(siret)));
    }

    @Test
    void aLaPosteEstablishmentIsValidByItsOwnRule() {
        territory();
        // 356000000 + 5 digits whose digit sum makes the whole a multiple of 5 (not a Luhn number).
        String laPoste = "35600000000010";
        given().auth().oauth2(admin()).contentType("application/json").body(companyBody(laPoste, LYON))
                .when().post("/api/recruitment/companies").then().statusCode(201);
    }

    @Test
    void badCodesAndACommuneOutsideEveryTerritoryAreRefusedAndNothingIsStored() {
        territory();
        long before = companies();
        String siret = siret();
        Object[][] cases = {
                {"siret", "73282932000075", "is not a valid SIRET (Luhn check)"},
                {"siret", "7328293200007", "must be 14 digits"},
                {"nafCode", "25.11Y", "is not in the NAF rév. 2 list (@socialgouv/codes-naf 1.1.1)"},
                {"nafCode", "2511Z", "must be a NAF rév. 2 code such as 25.11Z"},
                {"commune", "13055", "lies outside every labelled territory known to the platform"},
                {"commune", "99999", "is not a current commune"},
        };
        for (Object[] c : cases) {
            Map<String, Object> body = companyBody(siret, LYON);
            body.put((String) c[0], c[1]);
            given().auth().oauth2(admin()).contentType("application/json").body(body)
                    .when().post("/api/recruitment/companies")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[0]), "errors[0].message", equalTo(c[2]));
        }
        Map<String, Object> size = companyBody(siret, LYON);
        size.put("sizeBand", "HUGE");
        given().auth().oauth2(admin()).contentType("application/json").body(size)
                .when().post("/api/recruitment/companies")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("sizeBand"));
        Map<String, Object> noName = companyBody(siret, LYON);
        noName.put("name", " ");
        given().auth().oauth2(admin()).contentType("application/json").body(noName)
                .when().post("/api/recruitment/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        assertEquals(before, companies());

        given().auth().oauth2(admin()).contentType("application/json").body(companyBody(siret, LYON))
                .when().post("/api/recruitment/companies").then().statusCode(201);
        given().auth().oauth2(admin()).contentType("application/json").body(companyBody(siret, LYON))
                .when().post("/api/recruitment/companies")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(before + 1, companies());
    }

    @Test
    void aCompanyManagesOnlyItsOwnSirenAndAManagerOnlyItsTerritories() {
        String code = territory();
        long before = companies();
        String mine = siret();
        String other = siret();
        given().auth().oauth2(company(mine)).contentType("application/json").body(companyBody(other, LYON))
                .when().post("/api/recruitment/companies")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(manager("ti-elsewhere")).contentType("application/json").body(companyBody(other, LYON))
                .when().post("/api/recruitment/companies").then().statusCode(403);
        given().auth().oauth2(officer("84")).contentType("application/json").body(companyBody(other, LYON))
                .when().post("/api/recruitment/companies").then().statusCode(403);
        given().auth().oauth2(partner()).contentType("application/json").body(companyBody(other, LYON))
                .when().post("/api/recruitment/companies").then().statusCode(403);
        assertEquals(before, companies());
        given().auth().oauth2(manager(code)).contentType("application/json").body(companyBody(other, LYON))
                .when().post("/api/recruitment/companies").then().statusCode(201);
        given().auth().oauth2(company(mine)).when().get("/api/recruitment/companies/" + other).then().statusCode(403);
        given().auth().oauth2(partner()).when().get("/api/recruitment/companies/" + other).then().statusCode(200);
        given().auth().oauth2(partner()).when().get("/api/recruitment/companies/" + siret()).then().statusCode(404);
    }
}
