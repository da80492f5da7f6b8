package fr.territoires.gateway.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.RawHttp;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * With the default limit, 32M (the services' own limit for bulk uploads, …/import): a body announced
 * above it is refused before any byte of it is sent.
 */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RequestBodyLimitTest {

    private static final long LIMIT = 32L * 1024 * 1024;

    private static String bearer() {
        return "Authorization: Bearer " + TestTokens.user("importer").roles("programme-admin").token();
    }

    @Test
    void aBodyAnnouncedAboveTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/territories/import HTTP/1.1", bearer(), "Content-Type: text/csv",
                    "Content-Length: " + (LIMIT + 1));
            RawHttp.Response response = http.read(); // not one byte of the body was sent

            assertEquals(413, response.status());
            assertEquals("application/problem+json", response.headers().get("content-type"));
            assertEquals("close", response.headers().get("connection"));
            assertTrue(response.body().contains("\"type\":\"urn:territoires:problem:body-too-large\""), response.body());
            assertTrue(response.body().contains("33554432 bytes"), response.body());
            assertEquals("nosniff", response.headers().get("x-content-type-options"));
            assertTrue(http.closedByServer());
        }
    }

    @Test
    void aClientThatAsksBeforeSendingIsToldNotTo() throws Exception {
        try (RawHttp http = new RawHttp()) {
            http.head("PUT /api/territories/ti-4420/import HTTP/1.1", bearer(), "Content-Type: text/csv",
                    "Expect: 100-continue", "Content-Length: " + (LIMIT + 1));
            assertEquals(413, http.read().status());
        }
    }

    @Test
    void aClientThatAsksBeforeSendingAWholeListMaySend() throws Exception {
        byte[] csv = "insee_com,lib_com,id_ti,lib_ti\n54431,Nancy,ti-4420,Sud Lorraine\n".getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/territories/import HTTP/1.1", bearer(), "Content-Type: text/csv",
                    "Expect: 100-continue", "Content-Length: " + csv.length);
            assertEquals(100, http.read().status());
            http.send(csv);
            RawHttp.Response response = http.read();

            assertEquals(200, response.status());
            assertTrue(response.body().contains("\"bodyLength\":" + csv.length), response.body());
            assertTrue(!response.body().contains("\"expect\""), "Expect is the gateway's to answer: " + response.body());
        }
    }
}
