package fr.territoires.testing;

import static io.restassured.RestAssured.given;

import fr.territoires.stack.KeycloakServer;

/** Access tokens a real Keycloak issues for the realm's demo users (password grant of the gateway client). */
public final class RealTokens {

    private RealTokens() {
    }

    /** A demo user's access token (password {@code demo}) from the Keycloak at this base URL. */
    public static String user(String keycloakUrl, String username) {
        return given().baseUri(keycloakUrl)
                .formParam("grant_type", "password")
                .formParam("client_id", "gateway")
                .formParam("client_secret", "gateway-dev-secret")
                .formParam("username", username)
                .formParam("password", "demo")
                .when().post("/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
