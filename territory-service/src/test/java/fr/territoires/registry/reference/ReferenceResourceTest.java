package fr.territoires.registry.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceResourceTest {

    @Inject
    ReferenceData reference;

    @Test
    void theListsAreHeldOnceNotAgainByAProxy() {
        // ArC builds a normal-scoped bean's client proxy with the class's own constructor: behind one, the lists were
        // read twice and both copies kept (70,000 communes in the heap)
        assertFalse(reference instanceof io.quarkus.arc.ClientProxy, "ReferenceData is reached through a client proxy");
    }

    private static String token() {
        return TestTokens.partner();
    }

    @Test
    void aCommuneWithItsDepartementRegionAndEpci() {
        given().auth().oauth2(token()).when().get("/api/communes/54431")
                .then().statusCode(200)
                .body("name", equalTo("Pont-à-Mousson"),
                        "departement.name", equalTo("Meurthe-et-Moselle"),
                        "region.code", equalTo("44"), "region.name", equalTo("Grand Est"),
                        "epci.code", equalTo("200041515"), "epci.name", equalTo("CC du Bassin de Pont-à-Mousson"));
    }

    @Test
    void anEpciWithItsCommunes() {
        given().auth().oauth2(token()).when().get("/api/epcis/245400601")
                .then().statusCode(200)
                .body("name", equalTo("CC du Bassin de Pompey"), "type", equalTo("CC"),
                        "communes.name", hasItems("Pompey", "Frouard", "Custines"));
    }

    @Test
    void badAndUnknownCodesAreProblems() {
        given().auth().oauth2(token()).when().get("/api/communes/5443")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("insee"));
        given().auth().oauth2(token()).when().get("/api/communes/99999")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token()).when().get("/api/epcis/245400602")
                .then().statusCode(400).body("errors[0].field", equalTo("siren"),
                        "errors[0].message", equalTo("is not a valid SIREN (Luhn check)"));
        given().when().get("/api/epcis/245400601").then().statusCode(401);
    }
}
