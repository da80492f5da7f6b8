package fr.territoires.gateway.outage;

import static fr.territoires.testing.Unavailable.dependencyUnavailable;
import static io.restassured.RestAssured.given;

import fr.territoires.gateway.routing.EchoUpstreams;
import fr.territoires.stack.OsProcesses;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway started while Keycloak is away (its address refuses connections): it starts, public
 * routes work, a request with a token that could be valid is answered 503 problem+json with
 * Retry-After (not 500, and not 401: the token may well be valid), one without a token or with a
 * token no key would make valid 401. Keycloak coming back is the services' test (KeycloakOutageTest
 * in event-backbone: the same Quarkus OIDC tenant initialised on a later request), not repeated here
 * to keep a Keycloak out of the gateway's build.
 */
@QuarkusTest
@TestProfile(KeycloakAwayTest.KeycloakAway.class)
class KeycloakAwayTest {

    static final String ISSUER = "http://127.0.0.1:" + OsProcesses.freePort() + "/realms/territoires";

    public static class KeycloakAway implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", ISSUER,
                    // How long the start waits for Keycloak before going on without it (30 s by default).
                    "quarkus.oidc.connection-delay", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EchoUpstreams.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void publicRoutesWorkAndATokenThatCouldBeValidIsAnswered503() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/api/territories").then().statusCode(200);

        String couldBeValid = jwt(Instant.now().plusSeconds(300));
        dependencyUnavailable(given().auth().oauth2(couldBeValid).when().get("/api/me").then());
        dependencyUnavailable(given().auth().oauth2(couldBeValid).when().get("/api/funding/envelopes").then());

        // Proactive authentication: a public route called with such a token is authenticated too.
        dependencyUnavailable(given().auth().oauth2(couldBeValid).when().get("/api/territories").then());

        given().when().get("/api/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(jwt(Instant.now().minusSeconds(60))).when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt").when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    /** A JWT of the realm's issuer and audience, signed by a key the gateway could not fetch. */
    private static String jwt(Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"never-fetched\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"territoires-api\",\"sub\":\"someone\",\"iat\":"
                + Math.min(now, expires.getEpochSecond() - 1) + ",\"exp\":" + expires.getEpochSecond() + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(new byte[256]);
    }
}
