package fr.territoires.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The dashboard asks the three services at once; recruitment-service is down in this test, the rest still shows. */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardResourceTest {

    @Test
    void eachPartComesFromItsServiceWithTheCallersTokenAndAMissingOneIsFlagged() {
        given().auth().oauth2(TestTokens.partner()).header("X-Correlation-Id", "dash-1")
                .when().get("/api/territories/ti-4420/dashboard")
                .then().statusCode(200)
                .body("code", equalTo("ti-4420"),
                        "profile.service", equalTo("territory-service"),
                        "profile.uri", equalTo("/api/territories/ti-4420"),
                        "profile.headers.authorization", startsWith("Bearer "),
                        "profile.headers.x-correlation-id", equalTo("dash-1"),
                        "funding.uri", equalTo("/api/funding/reports/territories/ti-4420"),
                        "recruitment.thisMonth", nullValue(),
                        "recruitment.shortageJobs", nullValue(),
                        "missing.part", contains("recruitment.thisMonth", "recruitment.shortageJobs"),
                        "missing.reason", contains("unavailable", "unavailable"))
                // The services' amounts pass through with their cents (DecimalJson in the gateway too).
                .body(containsString("\"committed\":154000.00,\"leverage\":5.40"),
                        not(containsString("154000.0,")), not(containsString("5.4,")));
    }

    @Test
    void itNeedsATokenAndATerritoryCode() {
        given().when().get("/api/territories/ti-4420/dashboard")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/not-a-code/dashboard")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }
}
