package fr.territoires.commons.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** How long a verified token may be taken again (VerifiedTokens.keptUntil). */
class VerifiedTokensRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static QuarkusSecurityIdentity identity(Principal principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    private static JsonWebToken expiringAt(long exp) {
        Map<String, Object> claims = exp == 0 ? Map.of("sub", "someone") : Map.of("sub", "someone", "exp", exp);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    @Test
    void aTokenIsKeptAMinuteAtMost() {
        long inAnHour = NOW.plusSeconds(3_600).getEpochSecond();
        assertEquals(NOW.plus(MINUTE), VerifiedTokens.keptUntil(NOW, identity(expiringAt(inAnHour)), MINUTE));
    }

    @Test
    void aTokenIsNeverKeptPastItsExpiry() {
        long inTwentySeconds = NOW.plusSeconds(20).getEpochSecond();
        assertEquals(NOW.plusSeconds(20), VerifiedTokens.keptUntil(NOW, identity(expiringAt(inTwentySeconds)), MINUTE));
    }

    @Test
    void nothingIsKeptThatHasExpiredHasNoExpiryOrIsNotAToken() {
        assertNull(VerifiedTokens.keptUntil(NOW, identity(expiringAt(NOW.getEpochSecond())), MINUTE));
        assertNull(VerifiedTokens.keptUntil(NOW, identity(expiringAt(NOW.minusSeconds(5).getEpochSecond())), MINUTE));
        assertNull(VerifiedTokens.keptUntil(NOW, identity(expiringAt(0)), MINUTE));
        assertNull(VerifiedTokens.keptUntil(NOW, identity(() -> "someone"), MINUTE));
        assertNull(VerifiedTokens.keptUntil(NOW, QuarkusSecurityIdentity.builder().setAnonymous(true).build(), MINUTE));
        assertNull(VerifiedTokens.keptUntil(NOW, null, MINUTE));
    }
}
