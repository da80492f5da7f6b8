package fr.territoires.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access tokens shaped like the realm's (roles, scope claims, audience), signed with the key that
 * the OIDC test server of quarkus-test-oidc-server publishes. Only for service-level tests.
 */
public final class TestTokens {

    /** The issuer the OIDC test server announces. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "territoires-api";

    private final String user;
    private Set<String> roles = Set.of();
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private Instant expiresAt = Instant.now().plusSeconds(300);
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private TestTokens(String user) {
        this.user = user;
    }

    public static TestTokens user(String user) {
        return new TestTokens(user);
    }

    /** The national team's token: every operation. */
    public static String programmeAdmin() {
        return user("admin.programme").roles("programme-admin").token();
    }

    /** A partner's token: read-only. */
    public static String partner() {
        return user("partner.demo").roles("partner").token();
    }

    public TestTokens roles(String... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    public TestTokens region(String region) {
        claims.put("region", region);
        return this;
    }

    public TestTokens territories(String... codes) {
        claims.put("territories", List.of(codes));
        return this;
    }

    public TestTokens siren(String siren) {
        claims.put("siren", siren);
        return this;
    }

    /** The OAuth client the token was issued to ({@code azp}), as Keycloak sets it. */
    public TestTokens client(String clientId) {
        claims.put("azp", clientId);
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    public TestTokens expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public String token() {
        JwtClaimsBuilder builder = Jwt.preferredUserName(user)
                .subject(user)
                .groups(roles)
                .issuer(issuer)
                .audience(audience)
                .issuedAt(expiresAt.minusSeconds(300))
                .expiresAt(expiresAt);
        claims.forEach(builder::claim);
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }

    /** The value of an Authorization header. */
    public String bearer() {
        return "Bearer " + token();
    }
}
