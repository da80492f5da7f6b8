package fr.territoires.e2e;

import static io.restassured.RestAssured.given;

import fr.territoires.stack.BuildInfrastructure;

/** Access tokens the real Keycloak issues for the realm's demo users (password grant of the gateway client). */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    static String user(String username) {
        return given().baseUri(BuildInfrastructure.keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "gateway")
                .formParam("client_secret", "gateway-dev-secret")
                .formParam("username", username)
                .formParam("password", "demo")
                .when().post("/realms/territoires/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
