package fr.territoires.gateway.protection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** Bursts of 2, then one request every 10 s (TightLimits). Each test uses clients of its own. */
@QuarkusTest
@TestProfile(TightLimits.class)
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    /**
     * At 0.1 request per second the next token comes 10 s after the bucket emptied, less the time the
     * burst took: a loaded machine may answer 9 (what the test asserts is a whole, honest wait).
     */
    private static final String WHOLE_SECONDS_UP_TO_10 = "[1-9]|10";

    @Test
    void aClientOverItsRateIsToldWhenToComeBack() {
        String token = TestTokens.user("eager.lead").roles("territory-manager").territories("ti-4420").token();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/funding/envelopes").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/funding/envelopes")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern(WHOLE_SECONDS_UP_TO_10))
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("urn:territoires:problem:rate-limited"),
                        "status", equalTo(429),
                        "detail", matchesPattern("More than 0\\.1 requests per second \\(bursts of 2\\) from this client; "
                                + "retry in (" + WHOLE_SECONDS_UP_TO_10 + ") s"));
    }

    @Test
    void anotherUserOrTheSameUserThroughAnotherClientHasItsOwnBudget() {
        String viaConsole = TestTokens.user("officer.grandest").roles("region-officer").client("web-console").token();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(viaConsole).when().get("/api/territories/ti-4420/governance").then().statusCode(200);
        }
        given().auth().oauth2(viaConsole).when().get("/api/territories/ti-4420/governance").then().statusCode(429);

        given().auth().oauth2(TestTokens.user("officer.bretagne").roles("region-officer").client("web-console").token())
                .when().get("/api/territories/ti-4420/governance").then().statusCode(200);
        given().auth().oauth2(TestTokens.user("officer.grandest").roles("region-officer").client("partner-bpifrance").token())
                .when().get("/api/territories/ti-4420/governance").then().statusCode(200);
    }

    @Test
    void anonymousCallersAreCountedByAddress() {
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/territories").then().statusCode(200);
        }
        given().when().get("/api/territories")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern(WHOLE_SECONDS_UP_TO_10));
    }
}
