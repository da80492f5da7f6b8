package fr.territoires.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.territoires.stack.BuildInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform as a user meets it: real PostgreSQL, Kafka and Keycloak, the four packaged
 * services as processes, tokens issued by Keycloak for the realm's demo users and partners.
 */
class PlatformEndToEndIT {

    private static E2ePlatform platform;
    private static String keycloak;

    @BeforeAll
    static void startThePlatform() {
        platform = E2ePlatform.get();
        keycloak = BuildInfrastructure.keycloakUrl();
    }

    private static String url(String service) {
        return platform.url(service);
    }

    private static String gateway() {
        return platform.gateway();
    }

    private static String userToken(String username) {
        return KeycloakTokens.user(username);
    }

    @Test
    void aDemoUserWithARealTokenIsAnsweredThroughTheGateway() {
        given().baseUri(gateway()).auth().oauth2(userToken("lead.valdelorraine"))
                .when().get("/api/funding/envelopes")
                .then().statusCode(200)
                .contentType("application/json")
                .body("total", greaterThanOrEqualTo(0), "page", equalTo(0));
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        given().baseUri(gateway())
                .when().get("/api/funding/envelopes")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void theGatewayReadsTheRolesAndScopeKeycloakPutInTheToken() {
        given().baseUri(gateway()).auth().oauth2(userToken("lead.valdelorraine"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("territory-manager"), "roles", not(hasItem("programme-admin")),
                        "territories", hasItem("ti-4420"));
        given().baseUri(gateway()).auth().oauth2(userToken("officer.grandest"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("region-officer"), "region", equalTo("44"));
    }

    @Test
    void thePublicRegistryNeedsNoLogin() {
        given().baseUri(gateway())
                .when().get("/api/territories")
                .then().statusCode(200)
                .body("page", equalTo(0), "total", greaterThanOrEqualTo(0));
    }

    @Test
    void aPartnerServiceAccountReadsThroughTheGateway() {
        String token = given().baseUri(keycloak)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-france-travail")
                .formParam("client_secret", "partner-france-travail-dev-secret")
                .when().post("/realms/territoires/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        given().baseUri(gateway()).auth().oauth2(token)
                .when().get("/api/recruitment/needs")
                .then().statusCode(200);
        given().baseUri(gateway()).auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("partner"));
    }

    @Test
    void aServiceCalledDirectlyChecksTheTokenItself() {
        given().baseUri(url("funding-service"))
                .when().get("/api/funding/envelopes")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().baseUri(url("funding-service")).auth().oauth2(userToken("partner.demo"))
                .when().get("/api/funding/envelopes")
                .then().statusCode(200);
    }

    @Test
    void theGatewayDocumentsTheWholePlatform() {
        given().baseUri(gateway())
                .when().get("/api/docs/openapi.json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/territories/{code}/governance"),
                        "paths", org.hamcrest.Matchers.hasKey("/api/funding/applications/{id}/decision"),
                        "paths", org.hamcrest.Matchers.hasKey("/api/recruitment/needs"),
                        "'x-unavailable-services'", org.hamcrest.Matchers.nullValue());
    }

    /**
     * Tokens Keycloak really issued, then altered, or issued by another realm: refused at the gateway
     * and at the service alike. (An expired token is covered at unit level: a real one lives 5 minutes.)
     */
    @Test
    void alteredOrForeignTokensAreRefusedAtBothDoors() {
        String real = userToken("admin.programme");
        String[] parts = real.split("\\.");
        java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + encoder.encodeToString(payload.replace("\"admin.programme\"", "\"someone.else\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        String unsigned = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String otherRealm = given().baseUri(keycloak).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        for (String token : java.util.List.of(tampered, unsigned, otherRealm)) {
            for (String base : java.util.List.of(gateway(), url("funding-service"))) {
                given().baseUri(base).auth().oauth2(token).when().get("/api/funding/envelopes")
                        .then().statusCode(401).contentType("application/problem+json");
            }
        }
    }
}
