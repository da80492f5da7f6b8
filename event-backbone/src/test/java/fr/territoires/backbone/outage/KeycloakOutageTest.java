package fr.territoires.backbone.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.KeycloakServer;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.RealTokens;
import fr.territoires.testing.Unavailable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identity provider (a real Keycloak of the test's own, not the build's, behind a gate that the test
 * shuts and opens: nothing listens and the connections are cut, as when Keycloak stops) away, under the
 * running application, in the two ways it can be:
 * <ol>
 * <li>Away when the application starts: the application starts all the same, is live and ready,
 * its public routes work, a token that could be valid is answered 503 problem+json with Retry-After
 * (its key cannot be had), a token that is not (no JWT, expired) 401. Keycloak back, its tokens
 * are accepted without a restart of the application.</li>
 * <li>Away under the running application, after it rotated its signing key, then back. A token whose
 * signing key the application already holds is still accepted (no call to Keycloak); a token signed with
 * the new key, that it has not fetched yet, needs Keycloak's keys, and is answered 503 problem+json with
 * Retry-After, not 401 (the token may be valid) nor 500; a token that is simply invalid stays 401 (a bad
 * signature with a held key, expired, another issuer). Readiness stays up (docs/decisions.md #17). Once
 * Keycloak is back, the token refused with 503 is accepted without a restart (it was valid), and a token
 * of a key Keycloak does not have is a plain 401.</li>
 * </ol>
 * One application and one start of Keycloak for both, to keep the build short: in the background from the
 * module's first test on ({@link KeycloakStartsFirst}), or while the application starts when run alone.
 */
@QuarkusTest
@TestProfile(KeycloakOutageTest.OwnKeycloak.class)
class KeycloakOutageTest {

    static final String KEYCLOAK = "backbone-keycloak";
    private static final String PROTECTED = "/test/admin/dead-letters";
    private static final String PUBLIC = "/test/traced-writes/ti-kc-public";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    public static class OwnKeycloak implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfrastructure.class, Map.of("database", "backbone_keycloak_outage",
                    "dedicatedKafka", BackboneTestApp.BROKER, "dedicatedKeycloak", KEYCLOAK)));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // How long the start waits for Keycloak before going on without it (30 s by default, the
            // same behaviour after it: the tenant is initialised on a later request).
            return Map.of("quarkus.oidc.connection-delay", "2S");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void startedWithoutKeycloakThenKeycloakAwayAndBackUnderTheApplication() {
        BuildInfrastructure.DedicatedKeycloak keycloak = RealInfrastructure.dedicatedKeycloak(KEYCLOAK);
        String issuer = keycloak.url() + "/realms/" + KeycloakServer.REALM;
        long begin = System.nanoTime();

        // 1. Started while Keycloak is away: live, ready, public routes work.
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get(PUBLIC).then().statusCode(200);
        // A token that could be valid: its key cannot be had.
        String couldBeValid = jwt("never-fetched", issuer, Instant.now().plusSeconds(300));
        for (int i = 0; i < 2; i++) {
            unavailable(given().auth().oauth2(couldBeValid).when().get(PROTECTED).then());
        }
        // Tokens no key would make valid, and no token: 401.
        given().auth().oauth2(jwt("never-fetched", issuer, Instant.now().minusSeconds(60))).when().get(PROTECTED)
                .then().statusCode(401);
        given().auth().oauth2("not-a-jwt").when().get(PROTECTED).then().statusCode(401);
        given().when().get(PROTECTED).then().statusCode(401);

        long awayChecked = System.nanoTime();
        keycloak.reconnect();
        long started = System.nanoTime();
        // Usable without a restart: Quarkus initialises the tenant on a request once Keycloak answers.
        String known = RealTokens.user(keycloak.url(), "admin.programme");
        await().atMost(PATIENCE).until(() -> {
            int status = given().auth().oauth2(known).when().get(PROTECTED).statusCode();
            assertTrue(status == 200 || status == 503, "a valid token is never refused: " + status);
            return status == 200;
        });
        long usable = System.nanoTime();

        // 2. Away under the running application. Keycloak starts signing with a new key, that the
        // application has not fetched; a real token that expires at once; another realm's token.
        String expiring = tokenLivingOneSecond(keycloak.url());
        String otherIssuer = adminToken(keycloak.url()); // realm master
        addSigningKey(keycloak.url());
        String unknownKey = RealTokens.user(keycloak.url(), "admin.programme");
        assertNotEquals(kid(known), kid(unknownKey));

        keycloak.cutOff();
        try {
            given().auth().oauth2(known).when().get(PROTECTED).then().statusCode(200);
            // The first request tries to fetch the keys (connection refused); the next ones come while
            // Quarkus waits before fetching again, and see only an unknown key: 503 all the same.
            for (int i = 0; i < 3; i++) {
                unavailable(given().auth().oauth2(unknownKey).when().get(PROTECTED).then());
            }
            // Simply invalid tokens stay 401 while the keys are out of reach.
            given().auth().oauth2(badSignature(known)).when().get(PROTECTED).then().statusCode(401);
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().getEpochSecond() > exp(expiring));
            given().auth().oauth2(expiring).when().get(PROTECTED).then().statusCode(401);
            given().auth().oauth2(otherIssuer).when().get(PROTECTED).then().statusCode(401);
            given().auth().oauth2("not-a-jwt").when().get(PROTECTED).then().statusCode(401);
            given().when().get("/q/health/ready").then().statusCode(200);
            given().when().get(PUBLIC).then().statusCode(200);
        } finally {
            keycloak.reconnect();
        }
        long back = System.nanoTime();

        // Back by itself: the token refused with 503 during the outage was valid, and is accepted once the
        // application fetches the keys again (not before quarkus.oidc.token.forced-jwk-refresh-interval, 15 s,
        // after its last attempt: 503 until then).
        await().atMost(PATIENCE).until(() -> {
            int status = given().auth().oauth2(unknownKey).when().get(PROTECTED).statusCode();
            assertTrue(status == 200 || status == 503, "a valid token is never refused: " + status);
            return status == 200;
        });
        given().auth().oauth2(known).when().get(PROTECTED).then().statusCode(200);
        // With the keys within reach, a key Keycloak does not have makes a plain 401, no longer a 503 (at
        // once, or after the few milliseconds by which the outage's last failure came after the fetch was tried).
        String noSuchKey = jwt("never-fetched", issuer, Instant.now().plusSeconds(300));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            int status = given().auth().oauth2(noSuchKey).when().get(PROTECTED).statusCode();
            assertTrue(status == 401 || status == 503, "a token of no key of Keycloak's: " + status);
            return status == 401;
        });
        long end = System.nanoTime();
        System.out.printf("[KeycloakOutageTest] checks while away at start %d ms, Keycloak ready %d ms, tenant"
                + " initialised %d ms, outage %d ms, recovery %d ms%n", (awayChecked - begin) / 1_000_000,
                (started - awayChecked) / 1_000_000, (usable - started) / 1_000_000, (back - usable) / 1_000_000,
                (end - back) / 1_000_000);
    }

    private static void unavailable(ValidatableResponse response) {
        Unavailable.dependencyUnavailable(response).body("traceId", matchesPattern("[0-9a-f]{32}"));
    }

    /** A JWT of the realm's issuer and audience, signed by no key the application could know. */
    private static String jwt(String kid, String issuer, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"territoires-api\",\"sub\":\"someone\",\"iat\":"
                + Math.min(now, expires.getEpochSecond() - 1) + ",\"exp\":" + expires.getEpochSecond() + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(new byte[256]);
    }

    /** The token with another signature: its key is held, its signature does not match. */
    private static String badSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        signature[0] ^= 0x01;
        return jwt.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String adminToken(String keycloakUrl) {
        return given().baseUri(keycloakUrl)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER).formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A real token of the realm that expires within a second or two (the realm's lifespan set to 1 s, then back). */
    private static String tokenLivingOneSecond(String keycloakUrl) {
        String admin = adminToken(keycloakUrl);
        Map<String, Object> realm = given().baseUri(keycloakUrl).auth().oauth2(admin)
                .when().get("/admin/realms/" + KeycloakServer.REALM)
                .then().statusCode(200).extract().path("$");
        Object lifespan = realm.get("accessTokenLifespan");
        setLifespan(keycloakUrl, admin, 1);
        try {
            return RealTokens.user(keycloakUrl, "admin.programme");
        } finally {
            setLifespan(keycloakUrl, admin, lifespan);
        }
    }

    private static void setLifespan(String keycloakUrl, String admin, Object seconds) {
        given().baseUri(keycloakUrl).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("accessTokenLifespan", seconds))
                .when().put("/admin/realms/" + KeycloakServer.REALM)
                .then().statusCode(204);
    }

    /** A new RSA key of higher priority in the realm: Keycloak signs new tokens with it. */
    private static void addSigningKey(String keycloakUrl) {
        String admin = adminToken(keycloakUrl);
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

    private static String part(String jwt, int index) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    private static String kid(String jwt) {
        return part(jwt, 0).replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static long exp(String jwt) {
        return Long.parseLong(part(jwt, 1).replaceAll(".*\"exp\"\\s*:\\s*([0-9]+).*", "$1"));
    }
}
