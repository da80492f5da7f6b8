package fr.territoires.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.gateway.LogCapture;
import fr.territoires.testing.RawHttp;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ServiceProxyTest {

    private static String token() {
        return TestTokens.user("lead.valdelorraine").roles("territory-manager").territories("ti-4420").token();
    }

    @Test
    void theTerritoryListIsPublicAndGetsACorrelationId() {
        given().when().get("/api/territories?page=1&size=5")
                .then().statusCode(200)
                .header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("service", equalTo("territory-service"),
                        "uri", equalTo("/api/territories?page=1&size=5"),
                        "headers.authorization", nullValue(),
                        "headers.x-correlation-id", notNullValue());
    }

    @Test
    void aProtectedRouteWithoutTokenStopsAtTheGateway() {
        given().when().get("/api/funding/envelopes")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:territoires:problem:unauthenticated"), "service", nullValue());
    }

    @Test
    void anInvalidTokenIsRefusedEvenOnAPublicRoute() {
        String expired = TestTokens.user("x").roles("partner").expiresAt(Instant.now().minusSeconds(600)).token();
        given().auth().oauth2(expired).when().get("/api/territories")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void theTokenAndTheCallersCorrelationIdAreForwarded() {
        String token = token();
        given().auth().oauth2(token).header("X-Correlation-Id", "req-42")
                .when().get("/api/funding/envelopes")
                .then().statusCode(200)
                .header("X-Correlation-Id", "req-42")
                .body("service", equalTo("funding-service"),
                        "headers.authorization", equalTo("Bearer " + token),
                        "headers.x-correlation-id", equalTo("req-42"),
                        "headers.x-forwarded-proto", equalTo("http"));
    }

    @Test
    void anUnsafeCorrelationIdIsReplaced() {
        given().auth().oauth2(token()).header("X-Correlation-Id", "bad id\twith spaces")
                .when().get("/api/funding/envelopes")
                .then().statusCode(200)
                .header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aLargeBodyIsStreamedThroughIntact() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(body);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().auth().oauth2(token()).contentType("application/octet-stream").body(body)
                .when().post("/api/funding/applications/import")
                .then().statusCode(200)
                .body("method", equalTo("POST"), "bodyLength", equalTo(body.length), "bodySha256", equalTo(digest));
    }

    /**
     * A caller that hangs up while a service's answer is still coming: the gateway stops relaying it, with no
     * error (before, each piece that came after was written to the closed answer: "Response has already been
     * written", logged as an ERROR by Vert.x, 37 times in one benchmark), and goes on serving.
     */
    @Test
    void aCallerThatHangsUpMidAnswerIsLetGoQuietly() throws Exception {
        try (LogCapture logged = LogCapture.of("")) {
            for (int i = 0; i < 3; i++) {
                try (RawHttp caller = new RawHttp()) {
                    caller.head("GET /api/territories?hangup=" + i + " HTTP/1.1", "X-Echo-Slow-Bytes: 131072");
                    assertEquals(200, caller.read().status(), "the answer began");
                } // hung up after its head: about 2.6 s of answer still to come
            }
            Thread.sleep(3_000);
            given().when().get("/api/territories?after=hangups").then().statusCode(200)
                    .body("service", equalTo("territory-service"));
            assertEquals(List.of(), logged.records().stream()
                    .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(r -> r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()))
                    .toList());
        }
    }

    /** Issue 17: the gateway continues the caller's trace towards the service, and names it in a 5xx. */
    @Test
    void theCallersTraceGoesOnToTheServiceAndIsNamedInA5xx() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/territories")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-" + traceId + "-(?!" + callerSpan + ")[0-9a-f]{16}-01"));
        given().auth().oauth2(token()).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/recruitment/needs")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("traceId", equalTo(traceId));
    }

    @Test
    void aServiceThatIsDownIsNamedAndTheOthersKeepWorking() {
        given().auth().oauth2(token()).when().get("/api/recruitment/needs")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", equalTo("recruitment-service is unavailable; other services keep working"));
        given().auth().oauth2(token()).when().get("/api/funding/envelopes")
                .then().statusCode(200);
    }

    @Test
    void unknownApiPathsAreProblems() {
        given().auth().oauth2(token()).when().get("/api/nowhere")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
