package fr.territoires.recruitment.need;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.commons.versioning.Versioned;
import fr.territoires.recruitment.funding.FundedActions;
import fr.territoires.recruitment.reference.ReferenceData;
import fr.territoires.recruitment.reference.Rome;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/recruitment/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recruitment needs")
@Authenticated
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class NeedResource {

    public record Family(String code, String name) {
    }

    public record NeedView(UUID id, String siret, String companyName, String nafCode, String territory, String commune,
            String communeName, String epci, String departement, String region, String romeCode, Family romeFamily,
            String jobTitle, int headcount, int filledCount, int openPositions, RecruitmentNeed.ContractType contractType,
            RecruitmentNeed.QualificationLevel qualificationLevel, List<String> skills, boolean workStudy,
            LocalDate startDate, LocalDate deadline, BigDecimal hoursPerWeek, boolean difficult,
            List<String> difficultyReasons, String difficultyComment, RecruitmentNeed.Status status,
            String cancelReason, LocalDate declaredOn, LocalDate closedOn, OffsetDateTime updatedAt, long version,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<FundedActions.FundedAction> fundedActions,
            String romeLabel) {
    }

    public record Cancellation(String reason) {
    }

    private final NeedService needs;
    private final ReferenceData reference;
    private final SecurityIdentity identity;

    public NeedResource(NeedService needs, ReferenceData reference, SecurityIdentity identity) {
        this.needs = needs;
        this.reference = reference;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List recruitment needs the caller may see",
            description = "A company its own SIREN's; a territory-manager its territories'; a region-officer its region's; "
                    + "partners and the programme team all. By territory, job code, then id. Filters: territory, "
                    + "departement, region, epci, commune, romeCode, family (A-N), status, contractType, siret, difficult, "
                    + "workStudy.")
    public Uni<Page<NeedView>> listNeeds(@BeanParam PagingParams paging, @QueryParam("territory") String territory,
            @QueryParam("departement") String departement, @QueryParam("region") String region,
            @QueryParam("epci") String epci, @QueryParam("commune") String commune,
            @QueryParam("romeCode") String romeCode, @QueryParam("family") String family,
            @QueryParam("status") String status, @QueryParam("contractType") String contractType,
            @QueryParam("siret") String siret, @QueryParam("difficult") String difficult,
            @QueryParam("workStudy") String workStudy) {
        NeedSearch search = new NeedSearch(blank(territory), blank(departement), blank(region), blank(epci), blank(commune),
                blank(romeCode), blank(family), EnumParam.parse("status", status, RecruitmentNeed.Status.class),
                EnumParam.parse("contractType", contractType, RecruitmentNeed.ContractType.class), blank(siret),
                bool("difficult", difficult), bool("workStudy", workStudy));
        return needs.list(CallerScope.of(identity), search, paging.request()).map(p -> p.map(this::view));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One recruitment need, with the actions funded for it",
            description = "fundedActions: commitments of funding that name this need (from funding.events). ETag: its "
                    + "version, for If-Match on changes.")
    @APIResponse(responseCode = "200", description = "The need; ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    public Uni<Response> getNeed(@PathParam("id") String id) {
        return needs.get(id, CallerScope.of(identity)).map(d -> Versioned.ok(view(d), d.need().version));
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a recruitment need",
            description = "For a registered company (siret) whose establishment is in a labelled territory: ROME code "
                    + "(family A-N), job title, headcount 1-10,000, contract type, qualification level, skills, work-study, "
                    + "start date, deadline (not before the start, not in the past), hours per week (at most 48), declared "
                    + "difficulty with its reasons. Publishes recruitment.need-published.v1.")
    @APIResponse(responseCode = "201", description = "Declared; Location: its address, ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    public Uni<Response> declareNeed(@NotNull NeedRequest request) {
        return needs.declare(request, CallerScope.of(identity)).map(d -> Versioned.tagged(Response
                .created(URI.create("/api/recruitment/needs/" + d.need().id)).entity(view(d)), d.need().version).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an open need, or record positions filled",
            description = "Replaces the need; filledCount (at most headcount) sets the status: OPEN, PARTIALLY_FILLED, or "
                    + "FILLED (need-filled.v1; otherwise need-updated.v1). If-Match: 412 on a stale version. A filled, "
                    + "cancelled or expired need cannot change (409).")
    @APIResponse(responseCode = "428", description = "No If-Match: a stored record is replaced only with the ETag last read")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    public Uni<Response> replaceNeed(@PathParam("id") String id, @NotNull NeedRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return needs.replace(id, request, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(d -> Versioned.ok(view(d), d.need().version));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an open need", description = "An optional reason (kept here, never published). If-Match. "
            + "Publishes recruitment.need-cancelled.v1.")
    @APIResponse(responseCode = "200", description = "Cancelled; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeedView.class)))
    public Uni<Response> cancelNeed(@PathParam("id") String id, Cancellation body, @HeaderParam("If-Match") String ifMatch) {
        return needs.cancel(id, body == null ? null : body.reason(), IfMatch.parse(ifMatch), CallerScope.of(identity))
                .map(d -> Versioned.ok(view(d), d.need().version));
    }

    NeedView view(NeedService.Detailed d) {
        RecruitmentNeed n = d.need();
        Rome.Family family = Rome.family(n.romeCode);
        return new NeedView(n.id, n.siret, d.company() == null ? null : d.company().name,
                d.company() == null ? null : d.company().nafCode, n.territoryCode, n.commune,
                reference.commune(n.commune).map(ReferenceData.Commune::name).orElse(null), n.epci, n.departement, n.region,
                n.romeCode, new Family(family.name(), family.label), n.jobTitle, n.headcount, n.filledCount,
                n.openPositions(), n.contractType, n.qualificationLevel, List.of(n.skills), n.workStudy, n.startDate,
                n.deadline, n.hoursPerWeek, n.difficult, List.of(n.difficultyReasons), n.difficultyComment, n.status,
                n.cancelReason, n.declaredOn, n.closedOn, n.updatedAt, n.version, d.fundedActions(),
                Rome.label(n.romeCode).orElse(null));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemException.invalid(field, "must be true or false");
        }
        return Boolean.valueOf(value);
    }
}
