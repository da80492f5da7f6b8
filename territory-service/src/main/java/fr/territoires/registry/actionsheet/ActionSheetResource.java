package fr.territoires.registry.actionsheet;

import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.readcache.Freshness;
import fr.territoires.commons.readcache.ReadCache;
import fr.territoires.commons.readcache.ReadRevision;
import org.jboss.resteasy.reactive.RestResponse;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.commons.versioning.Versioned;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/territories/{code}/action-sheets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Action sheets")
@Authenticated
@jakarta.inject.Singleton
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class ActionSheetResource {

    public record ActionSheetView(long id, String territory, String title, ActionSheet.Priority priority,
            String description, String owner, ActionSheet.Status status, BigDecimal plannedBudget, List<String> indicators,
            LocalDate startsOn, LocalDate endsOn, OffsetDateTime updatedAt, String updatedBy, long version) {

        static ActionSheetView of(ActionSheet a) {
            return new ActionSheetView(a.id, a.territoryCode, a.title, a.priority, a.description, a.owner, a.status,
                    a.plannedBudget, List.of(a.indicators), a.startsOn, a.endsOn, a.updatedAt, a.updatedBy, a.version);
        }
    }

    private record ListKey(String code, ActionSheet.Priority priority, ActionSheet.Status status, PageRequest page) {
    }

    /** Lists kept between changes of the registry (ReadCache): readable by every signed-in user alike. */
    private final ReadCache<ListKey, Page<ActionSheetView>> lists = new ReadCache<>(2_000);

    @jakarta.inject.Inject
    ReadRevision revision;

    private final ActionSheetService sheets;
    private final SecurityIdentity identity;

    public ActionSheetResource(ActionSheetService sheets, SecurityIdentity identity) {
        this.sheets = sheets;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A territory's action sheets (fiches actions)",
            description = "Any signed-in user. In creation order; filters priority (RECRUIT, INNOVATE, ATTRACT, SIMPLIFY) "
                    + "and status (IDEA, IN_PROGRESS, DONE, ABANDONED). ETag (weak: the registry's revision) with "
                    + "Cache-Control: private, no-cache; If-None-Match with the current ETag answers 304 Not Modified.")
    public Uni<RestResponse<Page<ActionSheetView>>> list(@PathParam("code") String code, @BeanParam PagingParams paging,
            @QueryParam("priority") String priority, @QueryParam("status") String status,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ListKey key = new ListKey(code, EnumParam.parse("priority", priority, ActionSheet.Priority.class),
                EnumParam.parse("status", status, ActionSheet.Status.class), paging.request());
        return revision.current().chain(rev -> Freshness.respond(Freshness.tag(rev), ifNoneMatch, Freshness.PRIVATE,
                () -> lists.get(key, rev, () -> sheets.list(code, key.priority(), key.status(), key.page())
                        .map(p -> p.map(ActionSheetView::of)))));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One action sheet", description = "ETag: its version, for If-Match on changes.")
    @APIResponse(responseCode = "200", description = "The action sheet; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionSheetView.class)))
    public Uni<Response> get(@PathParam("code") String code, @PathParam("id") long id) {
        return sheets.get(code, id).map(a -> Versioned.ok(ActionSheetView.of(a), a.version));
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an action sheet",
            description = "The territory's manager, its region's officer or the programme team. Starts as IDEA (default) "
                    + "or IN_PROGRESS. Publishes territory.action-sheet-added.v1.")
    @APIResponse(responseCode = "201", description = "Added; Location: its address, ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionSheetView.class)))
    public Uni<Response> add(@PathParam("code") String code, @Valid @NotNull ActionSheetRequest request) {
        return sheets.add(code, request, CallerScope.of(identity)).map(a -> Versioned.tagged(Response
                .created(URI.create("/api/territories/" + code + "/action-sheets/" + a.id)).entity(ActionSheetView.of(a)),
                a.version).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an action sheet, its status included",
            description = "Replaces the sheet. Status moves IDEA → IN_PROGRESS → DONE, or to ABANDONED before DONE (409 "
                    + "otherwise). If-Match protects against lost updates (412). Publishes territory.action-sheet-updated.v1.")
    @APIResponse(responseCode = "428", description = "No If-Match: a stored record is replaced only with the ETag last read")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionSheetView.class)))
    public Uni<Response> replace(@PathParam("code") String code, @PathParam("id") long id,
            @Valid @NotNull ActionSheetRequest request, @HeaderParam("If-Match") String ifMatch) {
        return sheets.replace(code, id, request, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(a -> Versioned.ok(ActionSheetView.of(a), a.version));
    }
}
