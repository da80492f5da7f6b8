package fr.territoires.gateway.headers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The web console runs at http://localhost:3000 (gateway.cors.origins' default). */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CorsTest {

    private static final String CONSOLE = "http://localhost:3000";

    @Test
    void aPreflightFromAnAllowedOriginIsAllowed() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/api/funding/envelopes")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"))
                .header("Access-Control-Max-Age", "3600")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoAllowHeaders() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/funding/envelopes")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
    }

    @Test
    void aCrossOriginCallFromTheConsoleIsProxiedWithTheGatewaysCorsHeaders() {
        given().header("Origin", CONSOLE).auth().oauth2(TestTokens.partner())
                .when().get("/api/funding/envelopes")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", CONSOLE)
                .header("Access-Control-Expose-Headers", containsString("X-Correlation-Id"))
                .body("service", equalTo("funding-service"));
    }
}
