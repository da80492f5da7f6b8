package fr.territoires.gateway.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sent a request, as the gateway's route handlers see it (proactive authentication has already
 * checked the token): for rate limits and the access log.
 */
public final class Caller {

    /** Written when a request carries no token, or a token without a client. */
    public static final String NONE = "-";

    private Caller() {
    }

    public static boolean isAnonymous(RoutingContext ctx) {
        return identity(ctx).map(SecurityIdentity::isAnonymous).orElse(true);
    }

    /** The validated access token, if the request carried one. */
    public static Optional<JsonWebToken> token(RoutingContext ctx) {
        return identity(ctx).filter(i -> !i.isAnonymous())
                .map(SecurityIdentity::getPrincipal)
                .filter(JsonWebToken.class::isInstance)
                .map(JsonWebToken.class::cast);
    }

    /**
     * The OAuth client the token was issued to: {@code azp} (Keycloak always sets it), else
     * {@code client_id}; {@link #NONE} for anonymous requests.
     */
    public static String clientId(RoutingContext ctx) {
        return token(ctx).map(Caller::clientId).orElse(NONE);
    }

    /** The token's subject (the user, or a client's service account); {@link #NONE} for anonymous requests. */
    public static String subject(RoutingContext ctx) {
        return identity(ctx).filter(i -> !i.isAnonymous())
                .map(i -> i.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : i.getPrincipal().getName())
                .orElse(NONE);
    }

    static String clientId(JsonWebToken token) {
        Object azp = token.getClaim("azp");
        if (azp == null) {
            azp = token.getClaim("client_id");
        }
        if (azp == null) {
            return NONE;
        }
        return azp instanceof JsonString text ? text.getString() : azp.toString();
    }

    private static Optional<SecurityIdentity> identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? Optional.of(user.getSecurityIdentity()) : Optional.empty();
    }
}
