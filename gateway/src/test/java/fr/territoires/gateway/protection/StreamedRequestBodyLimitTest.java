package fr.territoires.gateway.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.RawHttp;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A body without Content-Length (chunked) is counted as it streams through; the limit here is 64K. */
@QuarkusTest
@TestProfile(TightLimits.class)
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class StreamedRequestBodyLimitTest {

    private static final int LIMIT = 64 * 1024;

    private static String bearer(String user) {
        return "Authorization: Bearer " + TestTokens.user(user).roles("programme-admin").token();
    }

    @Test
    void aChunkedBodyThatGrowsAboveTheLimitIsCutOffAndRefused() throws Exception {
        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/funding/applications/import HTTP/1.1", bearer("streamer.big"),
                    "Content-Type: application/octet-stream", "Transfer-Encoding: chunked");
            // The sender keeps going, as a client that does not read while it writes would.
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> {
                long total = 0;
                try {
                    for (int i = 0; i < 128; i++) { // up to 1 MiB
                        http.chunk(new byte[8192]);
                        total += 8192;
                    }
                    http.lastChunk();
                } catch (IOException cutOff) {
                    // the gateway closed the connection after its answer
                }
                return total;
            });
            RawHttp.Response response = http.read();

            assertEquals(413, response.status());
            assertEquals("application/problem+json", response.headers().get("content-type"));
            assertTrue(response.body().contains("limit of 64 KiB (65536 bytes)"), response.body());
            assertTrue(http.closedByServer());
            assertTrue(sent.get(20, TimeUnit.SECONDS) > LIMIT);
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsStreamedThrough() throws Exception {
        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/funding/applications/import HTTP/1.1", bearer("streamer.small"),
                    "Content-Type: application/octet-stream", "Transfer-Encoding: chunked");
            for (int i = 0; i < 8; i++) {
                http.chunk(new byte[8192]);
            }
            http.lastChunk();
            RawHttp.Response response = http.read();

            assertEquals(200, response.status());
            assertTrue(response.body().contains("\"bodyLength\":" + LIMIT), response.body());
        }
    }
}
