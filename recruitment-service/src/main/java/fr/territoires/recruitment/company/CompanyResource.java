package fr.territoires.recruitment.company;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.commons.versioning.Versioned;
import fr.territoires.recruitment.reference.ReferenceData;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URI;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/recruitment/companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies")
@Authenticated
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class CompanyResource {

    public record CompanyView(String siret, String siren, String name, String nafCode, String nafLabel, String commune,
            String communeName, String territory, String region, Company.SizeBand sizeBand, OffsetDateTime updatedAt,
            long version) {
    }

    private final CompanyService companies;
    private final ReferenceData reference;
    private final SecurityIdentity identity;

    public CompanyResource(CompanyService companies, ReferenceData reference, SecurityIdentity identity) {
        this.companies = companies;
        this.reference = reference;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Companies the caller may see",
            description = "A company its own SIREN's establishments; a territory-manager its territories'; a region-officer "
                    + "its region's; partners and the programme team all. By territory, then SIRET.")
    public Uni<Page<CompanyView>> listCompanies(@BeanParam PagingParams paging, @QueryParam("territory") String territory) {
        return companies.list(CallerScope.of(identity), territory, paging.request()).map(p -> p.map(this::view));
    }

    @GET
    @Path("{siret}")
    @Operation(summary = "One company", description = "ETag: its version, for If-Match on changes.")
    @APIResponse(responseCode = "200", description = "The company; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyView.class)))
    public Uni<Response> getCompany(@PathParam("siret") String siret) {
        return companies.get(siret, CallerScope.of(identity)).map(c -> Versioned.ok(view(c), c.version));
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a company (one establishment)",
            description = "SIRET (Luhn; La Poste exception), name, NAF rév. 2 code from the official list, commune (INSEE) "
                    + "which must lie in a labelled territory's perimeter, size band. A company registers its own SIREN's "
                    + "establishments; a territory-manager those of its territories.")
    @APIResponse(responseCode = "201", description = "Registered; Location: its address, ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyView.class)))
    public Uni<Response> registerCompany(@NotNull CompanyRequest request) {
        return companies.register(request, CallerScope.of(identity)).map(c -> Versioned.tagged(
                Response.created(URI.create("/api/recruitment/companies/" + c.siret)).entity(view(c)), c.version).build());
    }

    @PUT
    @Path("{siret}")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a company", description = "Replaces it (the SIRET stays). If-Match: 412 on a stale version. "
            + "Needs already declared keep the territory they were declared in.")
    @APIResponse(responseCode = "428", description = "No If-Match: a stored record is replaced only with the ETag last read")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyView.class)))
    public Uni<Response> replaceCompany(@PathParam("siret") String siret, @NotNull CompanyRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return companies.replace(siret, request, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(c -> Versioned.ok(view(c), c.version));
    }

    CompanyView view(Company c) {
        return new CompanyView(c.siret, c.siren, c.name, c.nafCode, reference.naf(c.nafCode).orElse(null), c.commune,
                reference.commune(c.commune).map(ReferenceData.Commune::name).orElse(null), c.territoryCode, c.region,
                c.sizeBand, c.updatedAt, c.version);
    }
}
