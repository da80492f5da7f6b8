package fr.territoires.registry.governance;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/territories/{code}/governance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Governance")
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class GovernanceResource {

    private final GovernanceService governance;
    private final SecurityIdentity identity;

    public GovernanceResource(GovernanceService governance, SecurityIdentity identity) {
        this.governance = governance;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "A territory's governance (public)",
            description = "The binôme, the project lead and who funds the post, committee meetings with their decisions, "
                    + "and the contract's documents in signature order. ETag: the binôme/project-lead record's version.")
    @APIResponse(responseCode = "200", description = "The governance; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceView.class)))
    public Uni<Response> get(@PathParam("code") String code) {
        return governance.view(code).map(view -> Versioned.ok(view, view.version()));
    }

    @PUT
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the binôme, the project lead and the post's funders",
            description = "The territory's manager, its region's officer or the programme team. Replaces the whole record; "
                    + "If-Match with the ETag protects against lost updates (412). Publishes territory.updated.v1.")
    @APIResponse(responseCode = "428", description = "No If-Match: a stored record is replaced only with the ETag last read")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceView.class)))
    public Uni<Response> replace(@PathParam("code") String code, @Valid @NotNull GovernanceRequests.GovernanceUpdate update,
            @HeaderParam("If-Match") String ifMatch) {
        return governance.replace(code, update, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(view -> Versioned.ok(view, view.version()));
    }

    @POST
    @Path("meetings")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a committee meeting and its decisions",
            description = "LOCAL_PROJECT meetings: the territory's manager, its region's officer or the programme team; "
                    + "REGIONAL_STEERING meetings: the region's officer or the programme team. A future meeting has no "
                    + "decisions yet. Publishes territory.updated.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location: the territory's governance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceView.Meeting.class)))
    public Uni<Response> recordMeeting(@PathParam("code") String code, @Valid @NotNull GovernanceRequests.NewMeeting meeting) {
        return governance.recordMeeting(code, meeting, CallerScope.of(identity)).map(m -> Response
                .created(URI.create("/api/territories/" + code + "/governance")).entity(m).build());
    }

    @POST
    @Path("contract")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a signed contract document",
            description = "The region's officer or the programme team. Order: PROTOCOLE_ACCORD, then one CONTRAT, then "
                    + "AVENANTs, each signed on or after the previous one (409 out of order, 400 for wrong dates). "
                    + "Publishes territory.updated.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location: the territory's governance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GovernanceView.Document.class)))
    public Uni<Response> recordContractDocument(@PathParam("code") String code,
            @Valid @NotNull GovernanceRequests.NewContractDocument document) {
        return governance.recordContractDocument(code, document, CallerScope.of(identity)).map(d -> Response
                .created(URI.create("/api/territories/" + code + "/governance")).entity(d).build());
    }
}
