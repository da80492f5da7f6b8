package fr.territoires.gateway.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.RawHttp;
import fr.territoires.gateway.routing.EchoUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            lines.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(AccessLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(capture);
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

        Awaitility.await().until(() -> lines.size() >= 3);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "GET /api/funding/envelopes 200 \\d+ ms correlation=access-log-1 client=partner-bpifrance")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "GET /api/recruitment/needs 401 \\d+ ms correlation=access-log-2 client=-")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "POST /api/territories/import 413 \\d+ ms correlation=access-log-3 client=-")), lines::toString);
    }
}
