package fr.territoires.gateway.identity;

import fr.territoires.commons.access.CallerScope;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is for the platform: roles and the scope they apply to (DESIGN.md §4). */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@Authenticated
public class MeResource {

    public record Me(String username, Set<String> roles, String region, List<String> territories, String siren) {
    }

    private static final Set<String> PLATFORM_ROLES = Set.of(CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER,
            CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY, CallerScope.PARTNER);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public MeResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Operation(summary = "The signed-in user's roles and scope")
    public Me me() {
        CallerScope scope = CallerScope.of(identity);
        Set<String> roles = new TreeSet<>(scope.roles());
        roles.retainAll(PLATFORM_ROLES);
        return new Me(token.getClaim("preferred_username"), roles, scope.region(), scope.territories(), scope.siren());
    }
}
