package fr.territoires.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** funding-service's stand-in drops requests on demand (EchoUpstreams); its circuit opens after 3 failures for 1 s. */
@QuarkusTest
@TestProfile(QuickCircuitBreaker.class)
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CircuitBreakerProxyTest {

    @Test
    void aServiceThatKeepsFailingIsLeftAloneForAWhileThenTriedOnce() {
        String token = TestTokens.programmeAdmin();
        String uri = "/api/funding/envelopes/" + UUID.randomUUID() + "/commitments";
        for (int i = 0; i < 3; i++) { // POSTs: never retried, one failure each
            given().auth().oauth2(token).header("X-Echo-Drop-First", "1000")
                    .contentType("application/json").body("{\"amount\":250000.00}")
                    .when().post(uri)
                    .then().statusCode(503)
                    .body("detail", equalTo("funding-service is unavailable; other services keep working"));
        }

        given().auth().oauth2(token).header("X-Echo-Drop-First", "1000")
                .contentType("application/json").body("{\"amount\":250000.00}")
                .when().post(uri)
                .then().statusCode(503) // without calling the service: the last assertion counts what it saw
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-8]"))
                .header("Connection", "close") // its body was never read
                .body("type", equalTo("urn:territoires:problem:service-unavailable"),
                        "detail", org.hamcrest.Matchers.matchesPattern("funding-service is unavailable; after 3 consecutive"
                                + " failures the gateway stops calling it for a while \\(next try in [1-8] s\\); other"
                                + " services keep working"));
        given().auth().oauth2(token).when().get("/api/funding/envelopes")
                .then().statusCode(503);

        given().auth().oauth2(token).when().get("/api/territories/ti-4420/governance")
                .then().statusCode(200).body("service", equalTo("territory-service"));

        // After the open period, one trial: it reaches the service, which had seen only the first 3 POSTs.
        Awaitility.await().atMost(20, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS).until(() ->
                given().auth().oauth2(token).when().get(uri).then().extract().statusCode() == 200);
        given().auth().oauth2(token).when().get(uri)
                .then().statusCode(200).body("seen", equalTo(5)); // 3 POSTs, the trial, this one
    }
}
