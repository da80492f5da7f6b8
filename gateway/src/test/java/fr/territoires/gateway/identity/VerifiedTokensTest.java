package fr.territoires.gateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.commons.access.VerifiedTokens;
import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.testing.TestTokens;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tokens verified once are kept (commons.access.VerifiedTokens), with the real OIDC verification behind: what is
 * kept is only ever the same token, still valid; anything else is verified, and refused when it fails.
 */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Inject
    MeterRegistry metrics;

    private double hits() {
        FunctionCounter hits = metrics.find("cache.gets").tag("cache", "verified-tokens").tag("result", "hit")
                .functionCounter();
        return hits == null ? 0 : hits.count();
    }

    private static int me(String token) {
        return given().auth().oauth2(token).when().get("/api/me").then().extract().statusCode();
    }

    @Test
    void aTokenVerifiedOnceIsKeptAndAnsweredTheSame() {
        String token = TestTokens.user("kept.user").roles("territory-manager").territories("ti-4420").token();
        long before = verified.size();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200).body("username", equalTo("kept.user"));
        assertEquals(before + 1, verified.size(), "the verified token is kept");
        double hitsBefore = hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                    .body("username", equalTo("kept.user"), "territories[0]", equalTo("ti-4420"));
        }
        assertEquals(before + 1, verified.size(), "the same token is kept once");
        assertEquals(hitsBefore + 3, hits(), "the three requests after the first took the kept identity (cache_gets_total)");
    }

    @Test
    void aKeptTokenChangedByOneCharacterIsVerifiedAndRefused() {
        String token = TestTokens.user("tampered.user").roles("territory-manager").territories("ti-4420").token();
        assertEquals(200, me(token));
        String[] parts = token.split("\\.");
        String signature = parts[2];
        char last = signature.charAt(signature.length() - 2);
        String otherSignature = signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A')
                + signature.charAt(signature.length() - 1);
        assertEquals(401, me(parts[0] + "." + parts[1] + "." + otherSignature), "another signature");
        String otherPayload = TestTokens.user("tampered.user").roles("programme-admin").token().split("\\.")[1];
        assertEquals(401, me(parts[0] + "." + otherPayload + "." + signature), "another payload under the kept signature");
        assertEquals(200, me(token), "the kept token itself still passes");
    }

    @Test
    void aKeptTokenIsRefusedOnceExpired() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = TestTokens.user("short.user").roles("territory-manager").expiresAt(expiry).token();
        assertEquals(200, me(token));
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 1_100);
        assertEquals(401, me(token), "kept, but past its expiry");
    }

    @Test
    void aRefusedTokenIsNotKept() {
        long before = verified.size();
        String wrongAudience = TestTokens.user("elsewhere.user").roles("territory-manager").audience("another-api").token();
        assertEquals(401, me(wrongAudience));
        assertEquals(401, me(wrongAudience));
        assertEquals(before, verified.size());
    }
}
