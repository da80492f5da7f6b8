package fr.territoires.funding.application;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.Pages;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.funding.access.FundingAccess;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.replica.Territories;
import fr.territoires.funding.idempotency.IdempotentRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/funding/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@Authenticated
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class ApplicationResource {

    private static final String[] APPLICANTS = {CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER,
            CallerScope.TERRITORY_MANAGER};

    private final ApplicationService applications;
    private final ApplicationRepository repository;
    private final FundingAccess access;
    private final IdempotentRequests idempotent;
    private final SecurityIdentity identity;
    private final Territories territories;
    private final BusinessDates dates;

    public ApplicationResource(ApplicationService applications, ApplicationRepository repository, FundingAccess access,
            IdempotentRequests idempotent, SecurityIdentity identity, Territories territories, BusinessDates dates) {
        this.applications = applications;
        this.repository = repository;
        this.access = access;
        this.idempotent = idempotent;
        this.identity = identity;
        this.territories = territories;
        this.dates = dates;
    }

    @GET
    @Operation(summary = "Applications the caller may see",
            description = "programme-admin and partners: all; a region-officer: its region's territories; a "
                    + "territory-manager: its territories. Filters territory and status; newest first.")
    public Uni<Page<ApplicationView>> list(@BeanParam PagingParams paging, @QueryParam("territory") String territory,
            @QueryParam("status") String status) {
        CallerScope caller = CallerScope.of(identity);
        Application.Status wanted = EnumParam.parse("status", status, Application.Status.class);
        return Panache.withSession(() -> visibleTerritories(caller).chain(visible -> {
            StringBuilder q = new StringBuilder("1 = 1");
            Parameters p = new Parameters();
            if (visible != null) {
                q.append(" and territoryCode in :visible");
                p.and("visible", visible.isEmpty() ? List.of("-") : visible);
            }
            if (territory != null && !territory.isBlank()) {
                q.append(" and territoryCode = :territory");
                p.and("territory", territory);
            }
            if (wanted != null) {
                q.append(" and status = :status");
                p.and("status", wanted);
            }
            return Pages.read(repository.find(q + " order by createdAt desc, id", p), paging.request())
                    .chain(page -> viewsOf(page));
        }));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One application with its financing plan")
    public Uni<ApplicationView> get(@PathParam("id") UUID id) {
        CallerScope caller = CallerScope.of(identity);
        return Panache.withSession(() -> repository.findById(id).chain(app -> {
            if (app == null) {
                throw ProblemException.notFound("Application " + id);
            }
            return access.require(caller, app.territoryCode, FundingAccess.Action.READ).chain(t -> view(app));
        }));
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prepare an application (draft)",
            description = "The territory's manager, its region's officer or the programme team. The territory must be "
                    + "labelled (known from territory events). Public funding ≤ eligible cost; a local authority keeps at "
                    + "least 20% of the cost. Idempotency-Key accepted.")
    @APIResponse(responseCode = "201", description = "Prepared (DRAFT); Location: its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<Response> create(@Valid @NotNull ApplicationRequests.NewApplication request,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        CallerScope caller = CallerScope.of(identity);
        return idempotent.once(caller, key, "create-application", request, () -> applications.create(request, caller)
                .chain(app -> view(app).map(v -> IdempotentRequests.Outcome.created(
                        URI.create("/api/funding/applications/" + app.id), v))));
    }

    @POST
    @Path("{id}/submission")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Operation(summary = "Submit a draft", description = "Publishes funding.application-submitted.v1.")
    public Uni<ApplicationView> submit(@PathParam("id") UUID id) {
        return step(id, caller -> applications.submit(id, caller));
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Operation(summary = "Take a submitted application under review", description = "The territory's Region or the programme team.")
    public Uni<ApplicationView> review(@PathParam("id") UUID id) {
        return step(id, caller -> applications.review(id, caller));
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw an application before its decision")
    public Uni<ApplicationView> withdraw(@PathParam("id") UUID id, @Valid ApplicationRequests.Withdrawal withdrawal) {
        return step(id, caller -> applications.withdraw(id, withdrawal == null ? null : withdrawal.reason(), caller));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (and commit) or reject an application under review",
            description = "The territory's Region or the programme team. An approval may grant less than asked per "
                    + "envelope; it commits every amount on its envelope atomically — an envelope without room is a 409 "
                    + "and nothing is committed. Send an Idempotency-Key: a retried request never commits twice. Publishes "
                    + "application-decided.v1 and one funds-committed.v1 per envelope.")
    @APIResponse(responseCode = "200", description = "Decided, or still under review while other funders' lines wait",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<Response> decide(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Decision decision,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        CallerScope caller = CallerScope.of(identity);
        return idempotent.once(caller, key, "decide-application " + id, decision,
                () -> applications.decide(id, decision, caller).map(IdempotentRequests.Outcome::ok));
    }

    private Uni<ApplicationView> step(UUID id, Function<CallerScope, Uni<Application>> change) {
        CallerScope caller = CallerScope.of(identity);
        return Panache.withTransaction(() -> change.apply(caller).chain(this::view));
    }

    private Uni<ApplicationView> view(Application app) {
        return ApplicationService.views(List.of(app)).map(views -> views.get(0));
    }

    private Uni<Page<ApplicationView>> viewsOf(Page<Application> page) {
        return ApplicationService.views(page.items())
                .map(list -> new Page<>(list, page.page(), page.size(), page.total()));
    }

    /** null: everything; otherwise the territories the caller may see. */
    private Uni<List<String>> visibleTerritories(CallerScope caller) {
        if (caller.isProgrammeAdmin() || caller.has(CallerScope.PARTNER)) {
            return Uni.createFrom().nullItem();
        }
        if (caller.has(CallerScope.REGION_OFFICER) && caller.region() != null) {
            return territories.inRegion(caller.region(), dates.today());
        }
        if (caller.has(CallerScope.TERRITORY_MANAGER)) {
            return Uni.createFrom().item(caller.territories());
        }
        throw FundingAccess.forbidden(caller, "applications");
    }
}
