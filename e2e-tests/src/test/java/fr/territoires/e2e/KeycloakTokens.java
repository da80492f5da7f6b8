package fr.territoires.e2e;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.RealTokens;

/** Access tokens the build's real Keycloak issues for the realm's demo users. */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    static String user(String username) {
        return RealTokens.user(BuildInfrastructure.keycloakUrl(), username);
    }
}
