package fr.territoires.backbone.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.KeycloakServer;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.RealTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identity provider (a real Keycloak of the test's own, not the build's) stopped under the running
 * application, then started again. A token whose signing key the application already holds is still
 * accepted (no call to Keycloak); a token signed with a key it has not fetched yet needs Keycloak's
 * keys, and is answered 503 problem+json with Retry-After, not 401 (the token may be valid) nor 500.
 * Readiness stays up (docs/decisions.md #17). Once Keycloak is back (with new keys: it keeps its realm
 * in memory), new tokens are accepted without a restart of the application.
 */
@QuarkusTest
@TestProfile(KeycloakOutageTest.OwnKeycloak.class)
class KeycloakOutageTest {

    private static final String KEYCLOAK = "backbone-keycloak";
    private static final String PROTECTED = "/test/admin/dead-letters";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    public static class OwnKeycloak implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfrastructure.class, Map.of("database", "backbone_keycloak_outage",
                    "dedicatedKafka", BackboneTestApp.BROKER, "dedicatedKeycloak", KEYCLOAK)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void aTokenWhoseKeyCannotBeFetchedIsAnswered503AndNewTokensWorkOnceKeycloakIsBack() {
        BuildInfrastructure.DedicatedKeycloak keycloak = RealInfrastructure.dedicatedKeycloak(KEYCLOAK);
        String known = RealTokens.user(keycloak.url(), "admin.programme");
        given().auth().oauth2(known).when().get(PROTECTED).then().statusCode(200);

        // Keycloak starts signing with a new key, that the application has not fetched.
        addSigningKey(keycloak.url());
        String unknownKey = RealTokens.user(keycloak.url(), "admin.programme");
        assertNotEquals(kid(known), kid(unknownKey));

        keycloak.stop();
        try {
            given().auth().oauth2(known).when().get(PROTECTED).then().statusCode(200);
            // The first request tries to fetch the keys (connection refused); the next ones come while
            // Quarkus waits before fetching again, and see only an unknown key: 503 all the same.
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(unknownKey).when().get(PROTECTED).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                        .body("type", equalTo("urn:territoires:problem:dependency-unavailable"))
                        .body("status", equalTo(503))
                        .body("traceId", matchesPattern("[0-9a-f]{32}"))
                        .body(not(containsString("Exception")));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            keycloak.start();
        }

        // Back by itself: a token of the restarted Keycloak (keys the application fetches now) is accepted.
        // Until Quarkus fetches the keys again (quarkus.oidc.token.forced-jwk-refresh-interval, 15 s), 503.
        String fresh = RealTokens.user(keycloak.url(), "admin.programme");
        await().atMost(PATIENCE).until(() -> {
            int status = given().auth().oauth2(fresh).when().get(PROTECTED).statusCode();
            assertTrue(status == 200 || status == 503, "a valid token is never refused: " + status);
            return status == 200;
        });
        // The key of the token refused during the outage is gone with the old Keycloak: now a plain 401.
        given().auth().oauth2(unknownKey).when().get(PROTECTED).then().statusCode(401);
    }

    /** A new RSA key of higher priority in the realm: Keycloak signs new tokens with it. */
    private static void addSigningKey(String keycloakUrl) {
        String admin = given().baseUri(keycloakUrl)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER).formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String realmId = given().baseUri(keycloakUrl).auth().oauth2(admin)
                .when().get("/admin/realms/" + KeycloakServer.REALM)
                .then().statusCode(200).extract().path("id");
        given().baseUri(keycloakUrl).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "rotated", "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of("500"), "enabled", List.of("true"),
                                "active", List.of("true"), "algorithm", List.of("RS256"))))
                .when().post("/admin/realms/" + KeycloakServer.REALM + "/components")
                .then().statusCode(201);
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
