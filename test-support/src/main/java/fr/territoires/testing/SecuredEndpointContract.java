package fr.territoires.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * What every protected endpoint of a service must do with tokens (DESIGN.md §4): only a valid
 * token of the realm, meant for the platform's API, gets through; anything else is a 401
 * problem+json. A service's test extends this and names one of its protected GET paths.
 */
public abstract class SecuredEndpointContract {

    /** A protected GET that answers 200 to any signed-in role. */
    protected abstract String securedPath();

    private static String valid() {
        return TestTokens.partner();
    }

    private void assertUnauthenticated(String authorization) {
        var request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.when().get(securedPath())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", equalTo(401), "type", equalTo("urn:territoires:problem:unauthenticated"));
    }

    @Test
    void aValidTokenGetsThrough() {
        given().header("Authorization", "Bearer " + valid())
                .when().get(securedPath())
                .then().statusCode(200);
    }

    @Test
    void noToken() {
        assertUnauthenticated(null);
    }

    @Test
    void anExpiredToken() {
        assertUnauthenticated(TestTokens.user("partner.demo").roles("partner")
                .expiresAt(Instant.now().minusSeconds(600)).bearer());
    }

    @Test
    void aTokenFromAnotherIssuer() {
        assertUnauthenticated(TestTokens.user("partner.demo").roles("partner")
                .issuer("https://elsewhere.example.com/realms/territoires").bearer());
    }

    @Test
    void aTokenForAnotherAudience() {
        assertUnauthenticated(TestTokens.user("partner.demo").roles("partner").audience("another-api").bearer());
    }

    @Test
    void aTokenWhosePayloadWasTamperedWith() {
        String[] parts = valid().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner\"", "\"programme-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertUnauthenticated("Bearer " + forged);
    }

    @Test
    void anUnsignedToken() {
        String[] parts = valid().split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated("Bearer " + header + "." + parts[1] + ".");
    }

    @Test
    void somethingThatIsNotAToken() {
        assertUnauthenticated("Bearer not-a-token");
    }
}
