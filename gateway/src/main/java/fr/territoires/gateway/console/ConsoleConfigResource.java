package fr.territoires.gateway.console;

import fr.territoires.gateway.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the web console signs users in: one console build serves every environment. */
@Path("/api/console/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@PermitAll
public class ConsoleConfigResource {

    public record ConsoleConfig(String authority, String clientId) {
    }

    private final GatewayConfig config;

    public ConsoleConfigResource(GatewayConfig config) {
        this.config = config;
    }

    @GET
    @Operation(summary = "The web console's OpenID Connect settings (public)",
            description = "The issuer the browser signs in with (authorization code + PKCE) and the public client's id.")
    public ConsoleConfig get() {
        return new ConsoleConfig(config.console().oidcAuthority(), config.console().clientId());
    }
}
