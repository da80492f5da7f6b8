package fr.territoires.registry.site;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.commons.versioning.Versioned;
import fr.territoires.registry.reference.ReferenceData;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/territories/{code}/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Industrial sites")
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class SiteResource {

    public record SiteView(long id, String territory, String name, String commune, String communeName,
            BigDecimal areaHectares, IndustrialSite.Status status, boolean brownfield, List<String> services,
            String description, OffsetDateTime updatedAt, long version) {
    }

    private final SiteService sites;
    private final ReferenceData reference;
    private final SecurityIdentity identity;

    public SiteResource(SiteService sites, ReferenceData reference, SecurityIdentity identity) {
        this.sites = sites;
        this.reference = reference;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "Industrial sites a territory offers to investors (public)",
            description = "In listing order; filters status (AVAILABLE, UNDER_STUDY, TAKEN), brownfield (true/false), "
                    + "minArea (hectares).")
    public Uni<Page<SiteView>> list(@PathParam("code") String code, @BeanParam PagingParams paging,
            @QueryParam("status") String status, @QueryParam("brownfield") String brownfield,
            @QueryParam("minArea") String minArea) {
        return sites.list(code, EnumParam.parse("status", status, IndustrialSite.Status.class), bool(brownfield),
                area(minArea), paging.request()).map(p -> p.map(this::view));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One industrial site (public)", description = "ETag: its version, for If-Match on changes.")
    @APIResponse(responseCode = "200", description = "The site; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class)))
    public Uni<Response> get(@PathParam("code") String code, @PathParam("id") long id) {
        return sites.get(code, id).map(s -> Versioned.ok(view(s), s.version));
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a site for investors",
            description = "The territory's manager, its region's officer or the programme team. The commune must be in the "
                    + "territory's perimeter today; area in hectares, positive. Publishes territory.site-listed.v1.")
    @APIResponse(responseCode = "201", description = "Listed; Location: its address, ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class)))
    public Uni<Response> add(@PathParam("code") String code, @Valid @NotNull SiteRequest request) {
        return sites.offer(code, request, CallerScope.of(identity)).map(s -> Versioned.tagged(Response
                .created(URI.create("/api/territories/" + code + "/sites/" + s.id)).entity(view(s)), s.version).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a site, its status included",
            description = "Replaces the site. If-Match protects against lost updates (412). Publishes territory.site-updated.v1.")
    @APIResponse(responseCode = "428", description = "No If-Match: a stored record is replaced only with the ETag last read")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class)))
    public Uni<Response> replace(@PathParam("code") String code, @PathParam("id") long id,
            @Valid @NotNull SiteRequest request, @HeaderParam("If-Match") String ifMatch) {
        return sites.replace(code, id, request, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(s -> Versioned.ok(view(s), s.version));
    }

    private SiteView view(IndustrialSite s) {
        return new SiteView(s.id, s.territoryCode, s.name, s.commune,
                reference.commune(s.commune).map(ReferenceData.Commune::name).orElse(null), s.areaHectares, s.status,
                s.brownfield, List.of(s.services), s.description, s.updatedAt, s.version);
    }

    private static Boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemException.invalid("brownfield", "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    private static BigDecimal area(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal area = new BigDecimal(value.trim());
            if (area.signum() < 0) {
                throw ProblemException.invalid("minArea", "must not be negative");
            }
            return area;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("minArea", "must be a number of hectares, e.g. 5 or 2.5");
        }
    }
}
