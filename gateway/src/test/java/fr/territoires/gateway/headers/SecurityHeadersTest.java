package fr.territoires.gateway.headers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SecurityHeadersTest {

    private static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void aProxiedAnswerIsHardened() {
        hardened(given().when().get("/api/territories")
                .then().statusCode(200)
                .body("service", equalTo("territory-service")))
                .header("Content-Security-Policy", CSP);
    }

    @Test
    void aRefusalIsHardened() {
        hardened(given().when().get("/api/funding/envelopes")
                .then().statusCode(401).contentType("application/problem+json"))
                .header("Content-Security-Policy", CSP);
    }

    @Test
    void aRefusedTokenIsHardened() {
        String expired = TestTokens.user("x").roles("partner").expiresAt(Instant.now().minusSeconds(600)).token();
        hardened(given().auth().oauth2(expired).when().get("/api/territories")
                .then().statusCode(401).contentType("application/problem+json"))
                .header("Content-Security-Policy", CSP);
    }

    @Test
    void theGatewaysOwnResourcesAreHardened() {
        hardened(given().auth().oauth2(TestTokens.partner()).when().get("/api/me")
                .then().statusCode(200))
                .header("Content-Security-Policy", CSP);
    }

    @Test
    void swaggerUiKeepsItsScriptsButNotItsFrames() {
        hardened(given().when().get("/q/swagger-ui/")
                .then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }
}
