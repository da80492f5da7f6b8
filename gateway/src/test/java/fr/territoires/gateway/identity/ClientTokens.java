package fr.territoires.gateway.identity;

import fr.territoires.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Set;

/**
 * Tokens that name the OAuth client they were issued to ({@code azp}), as Keycloak's do; TestTokens
 * does not set it. Same issuer, audience and signing key as TestTokens.
 */
public final class ClientTokens {

    private ClientTokens() {
    }

    public static String of(String client, String user, String... roles) {
        Instant now = Instant.now();
        return Jwt.preferredUserName(user).subject(user).groups(Set.of(roles))
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("azp", client)
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
