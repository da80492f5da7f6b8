package fr.territoires.gateway.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.RawHttp;
import fr.territoires.gateway.LogCapture;
import fr.territoires.gateway.routing.EchoUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AccessLogTest {

    private LogCapture capture;

    @BeforeEach
    void listen() {
        capture = LogCapture.of(AccessLog.CATEGORY);
    }

    @AfterEach
    void stopListening() {
        capture.close();
    }

    @Test
    void eachRequestIsOneLine() throws Exception {
        String partner = TestTokens.user("service-account-partner-bpifrance").roles("partner").client("partner-bpifrance")
                .token();
        given().auth().oauth2(partner).header("X-Correlation-Id", "access-log-1")
                .when().get("/api/funding/envelopes?page=2")
                .then().statusCode(200).header("X-Correlation-Id", "access-log-1");
        given().header("X-Correlation-Id", "access-log-2")
                .when().get("/api/recruitment/needs")
                .then().statusCode(401).header("X-Correlation-Id", "access-log-2");

        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/territories/import HTTP/1.1", "Content-Length: 33554433",
                    "X-Correlation-Id: access-log-3");
            assertEquals(413, http.read().status());
        }

        Awaitility.await().until(() -> capture.lines().size() >= 3);
        List<String> lines = capture.lines();
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "GET /api/funding/envelopes 200 \\d+ ms correlation=access-log-1 client=partner-bpifrance")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "GET /api/recruitment/needs 401 \\d+ ms correlation=access-log-2 client=-")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "POST /api/territories/import 413 \\d+ ms correlation=access-log-3 client=-")), lines::toString);
    }
}
