package fr.territoires.registry.profile;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.commons.versioning.Versioned;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/territories/{code}/industrial-profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Industrial profile")
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class ProfileResource {

    private final ProfileService profiles;
    private final SecurityIdentity identity;

    public ProfileResource(ProfileService profiles, SecurityIdentity identity) {
        this.profiles = profiles;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "A territory's industrial profile (public)",
            description = "Share of industrial jobs (percent), industrial establishments, the year and source of the figures, "
                    + "key companies by SIREN.")
    @APIResponse(responseCode = "200", description = "The industrial profile; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    public Uni<Response> get(@PathParam("code") String code) {
        return profiles.view(code).map(view -> Versioned.ok(view, view.version()));
    }

    @PUT
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a territory's industrial profile",
            description = "The territory's manager, its region's officer or the programme team; replaces the whole profile. "
                    + "SIRENs are Luhn-checked. If-Match protects against lost updates (412). Publishes territory.updated.v1.")
    @APIResponse(responseCode = "428", description = "No If-Match: a stored record is replaced only with the ETag last read")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    public Uni<Response> replace(@PathParam("code") String code, @Valid @NotNull ProfileRequests.ProfileUpdate update,
            @HeaderParam("If-Match") String ifMatch) {
        return profiles.replace(code, update, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(view -> Versioned.ok(view, view.version()));
    }
}
