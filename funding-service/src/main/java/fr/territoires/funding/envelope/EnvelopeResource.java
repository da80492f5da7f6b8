package fr.territoires.funding.envelope;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.funding.idempotency.IdempotentRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/funding/envelopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Envelopes")
@Authenticated
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class EnvelopeResource {

    public record YearCeiling(int year, BigDecimal ceiling, BigDecimal paid) {
    }

    /** An envelope with its balances: ceiling, committed, paid, and what is left to commit. */
    public record EnvelopeView(UUID id, Envelope.Funder funder, String region, String funderSiret, String name,
            Envelope.Priority priority, Envelope.Scope scope, String scopeRegion, List<String> scopeTerritories,
            int firstYear, int lastYear, BigDecimal ceiling, BigDecimal committed, BigDecimal paid, BigDecimal available,
            Envelope.Status status, List<YearCeiling> yearlyPaymentCeilings) {

        static EnvelopeView of(Envelope e, List<YearCeiling> years) {
            return new EnvelopeView(e.id, e.funder, e.region, e.funderSiret, e.name, e.priority, e.scope, e.scopeRegion,
                    List.of(e.scopeTerritories), e.firstYear, e.lastYear, e.ceiling, e.committed, e.paid, e.available(),
                    e.status, years);
        }
    }

    private final EnvelopeRepository envelopes;
    private final EnvelopeService service;
    private final IdempotentRequests idempotent;
    private final SecurityIdentity identity;

    public EnvelopeResource(EnvelopeRepository envelopes, EnvelopeService service, IdempotentRequests idempotent,
            SecurityIdentity identity) {
        this.envelopes = envelopes;
        this.service = service;
        this.idempotent = idempotent;
        this.identity = identity;
    }

    @GET
    @WithSession
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER,
            CallerScope.PARTNER})
    @Operation(summary = "List funding envelopes with their balances",
            description = "Any signed-in role but company (a company reads nothing of funding); by name. Filters: q (part of the name), funder, status.")
    public Uni<Page<EnvelopeView>> list(@BeanParam PagingParams paging, @QueryParam("q") String q,
            @QueryParam("funder") String funder, @QueryParam("status") String status) {
        return envelopes.page(paging.request(), q, EnumParam.parse("funder", funder, Envelope.Funder.class),
                EnumParam.parse("status", status, Envelope.Status.class)).map(p -> p.map(e -> EnvelopeView.of(e, List.of())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER,
            CallerScope.PARTNER})
    @Operation(summary = "One envelope, with its yearly payment ceilings")
    public Uni<EnvelopeView> get(@PathParam("id") UUID id) {
        return view(id);
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an envelope",
            description = "programme-admin, or a region-officer for its Region's envelope (funder REGION, its region). "
                    + "Scope NATIONAL, REGION (scopeRegion) or TERRITORIES (scopeTerritories); fiscal years; commitment "
                    + "ceiling (AE) and optional yearly payment ceilings (CP). Idempotency-Key accepted. Publishes "
                    + "funding.envelope-opened.v1.")
    @APIResponse(responseCode = "201", description = "Opened; Location: its address (a replay of the same Idempotency-Key answers the same)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvelopeView.class)))
    public Uni<Response> open(@Valid @NotNull EnvelopeRequests.NewEnvelope request,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        CallerScope caller = CallerScope.of(identity);
        return idempotent.once(caller, key, "open-envelope", request, () -> service.open(request, caller)
                .chain(id -> Panache.getSession().chain(s -> s.find(Envelope.class, id)).chain(e -> years(id)
                        .map(y -> IdempotentRequests.Outcome.created(URI.create("/api/funding/envelopes/" + id),
                                EnvelopeView.of(e, y))))));
    }

    @PUT
    @Path("{id}/ceiling")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise or lower an envelope's ceiling",
            description = "Never below what is committed (409 naming the committed amount); the reason is kept in the "
                    + "ledger. Publishes funding.envelope-changed.v1.")
    public Uni<EnvelopeView> changeCeiling(@PathParam("id") UUID id, @Valid @NotNull EnvelopeRequests.CeilingChange change) {
        return Panache.withTransaction(() -> service.changeCeiling(id, change, CallerScope.of(identity)))
                .chain(this::view);
    }

    @PUT
    @Path("{id}/status")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze, reopen or close an envelope",
            description = "OPEN ↔ FROZEN, then CLOSED for good. Commitments need OPEN; payments on existing commitments "
                    + "go on. Publishes funding.envelope-changed.v1 or envelope-closed.v1.")
    public Uni<EnvelopeView> changeStatus(@PathParam("id") UUID id, @Valid @NotNull EnvelopeRequests.StatusChange change) {
        return Panache.withTransaction(() -> service.changeStatus(id, change, CallerScope.of(identity))).chain(this::view);
    }

    private Uni<EnvelopeView> view(UUID id) {
        return Panache.withSession(() -> envelopes.findById(id).chain(e -> {
            if (e == null) {
                throw ProblemException.notFound("Envelope " + id);
            }
            return years(id).map(y -> EnvelopeView.of(e, y));
        }));
    }

    private static Uni<List<YearCeiling>> years(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT fiscal_year, cp_ceiling, paid FROM envelope_year WHERE envelope_id = :id ORDER BY fiscal_year",
                Object[].class).setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(r -> new YearCeiling(((Number) r[0]).intValue(), (BigDecimal) r[1],
                        (BigDecimal) r[2])).toList());
    }
}
