package fr.territoires.gateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class MeResourceTest {

    @Test
    void showsTheCallersRolesAndScope() {
        given().auth().oauth2(TestTokens.user("lead.valdelorraine").roles("territory-manager", "offline_access")
                        .territories("ti-4420", "ti-4403").token())
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("lead.valdelorraine"),
                        "roles", contains("territory-manager"),
                        "territories", contains("ti-4420", "ti-4403"));
    }

    @Test
    void needsAToken() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
