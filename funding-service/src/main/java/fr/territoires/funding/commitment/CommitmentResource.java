package fr.territoires.funding.commitment;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.funding.access.FundingAccess;
import fr.territoires.funding.envelope.MoneyRules;
import fr.territoires.funding.envelope.Envelope;
import fr.territoires.funding.idempotency.IdempotentRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

@Path("/api/funding")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments and payments")
@Authenticated
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class CommitmentResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    public record PaymentView(UUID id, Payment.Kind kind, BigDecimal amount, UUID reverses, LocalDate paidOn,
            int fiscalYear, String reason, String recordedBy, OffsetDateTime recordedAt) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id, p.kind, p.amount, p.reverses, p.paidOn, p.fiscalYear, p.reason, p.recordedBy,
                    p.recordedAt);
        }
    }

    public record CommitmentView(UUID id, UUID applicationId, UUID envelopeId, String territory, BigDecimal initialAmount,
            BigDecimal amount, BigDecimal paid, BigDecimal unpaid, LocalDate committedOn, Commitment.Status status,
            List<PaymentView> payments) {

        static CommitmentView of(Commitment c, List<Payment> payments) {
            return new CommitmentView(c.id, c.applicationId, c.envelopeId, c.territoryCode, c.initialAmount, c.amount,
                    c.paid, c.unpaid(), c.committedOn, c.status, payments.stream().map(PaymentView::of).toList());
        }
    }

    private final CommitmentService commitments;
    private final FundingAccess access;
    private final IdempotentRequests idempotent;
    private final SecurityIdentity identity;

    public CommitmentResource(CommitmentService commitments, FundingAccess access, IdempotentRequests idempotent,
            SecurityIdentity identity) {
        this.commitments = commitments;
        this.access = access;
        this.idempotent = idempotent;
        this.identity = identity;
    }

    @GET
    @Path("commitments")
    @Operation(summary = "A territory's or an application's commitments",
            description = "Query territory or application (one is required); read access as for applications.")
    public Uni<List<CommitmentView>> list(@QueryParam("territory") String territory,
            @QueryParam("application") UUID application) {
        if ((territory == null || territory.isBlank()) && application == null) {
            throw ProblemException.invalid("territory", "or application is required");
        }
        CallerScope caller = CallerScope.of(identity);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createQuery(application != null
                        ? "from Commitment where applicationId = :key order by committedOn, id"
                        : "from Commitment where territoryCode = :key order by committedOn, id", Commitment.class)
                .setParameter("key", application != null ? application : territory).getResultList())
                .chain(list -> {
                    Uni<Void> checks = Uni.createFrom().voidItem();
                    for (String t : list.stream().map(c -> c.territoryCode).distinct().toList()) {
                        checks = checks.chain(() -> access.require(caller, t, FundingAccess.Action.READ).replaceWithVoid());
                    }
                    if (list.isEmpty() && territory != null) {
                        checks = access.require(caller, territory, FundingAccess.Action.READ).replaceWithVoid();
                    }
                    return checks.chain(() -> views(list));
                }));
    }

    @GET
    @Path("commitments/{id}")
    @Operation(summary = "One commitment with its payments and reversals")
    public Uni<CommitmentView> get(@PathParam("id") UUID id) {
        CallerScope caller = CallerScope.of(identity);
        return Panache.withSession(() -> find(id).call(c -> access.require(caller, c.territoryCode,
                FundingAccess.Action.READ)).chain(CommitmentResource::view));
    }

    @POST
    @Path("commitments/{id}/payments")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay on a commitment: advance, instalment or balance",
            description = "The territory's Region or the programme team. Advances up to 30% of the commitment "
                    + "(funding.max-advance-share); the payments never exceed it; a yearly payment ceiling (CP) holds; the "
                    + "balance settles the commitment and releases what it did not pay. Send an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Paid; Location: the commitment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    public Uni<Response> pay(@PathParam("id") UUID id, @Valid @NotNull CommitmentRequests.NewPayment request,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        CallerScope caller = CallerScope.of(identity);
        LocalDate paidOn = request.paidOn() == null ? dates.today() : request.paidOn();
        return idempotent.once(caller, key, "pay " + id, request, () -> authorise(id, caller)
                .chain(() -> commitments.pay(id, request.kind(), request.amount(), paidOn, request.reason(), caller.name()))
                .map(p -> IdempotentRequests.Outcome.created(URI.create("/api/funding/commitments/" + id), PaymentView.of(p))));
    }

    @POST
    @Path("commitments/{id}/decommitments")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release part or all of what is committed and unpaid",
            description = "The territory's Region or the programme team; the amount goes back to the envelope. Send an "
                    + "Idempotency-Key. Publishes funds-decommitted.v1.")
    @APIResponse(responseCode = "200", description = "Released; the commitment as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentView.class)))
    public Uni<Response> decommit(@PathParam("id") UUID id, @Valid @NotNull CommitmentRequests.Release request,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        CallerScope caller = CallerScope.of(identity);
        return idempotent.once(caller, key, "decommit " + id, request, () -> authorise(id, caller)
                .chain(() -> commitments.decommit(id, request.amount(), request.reason(), caller.name()))
                .chain(CommitmentResource::view).map(IdempotentRequests.Outcome::ok));
    }

    @POST
    @Path("payments/{id}/reversals")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take back (part of) a payment",
            description = "A clawback is recorded as a payment of kind REVERSAL; the original stays. Send an "
                    + "Idempotency-Key. Publishes payment-reversed.v1.")
    @APIResponse(responseCode = "201", description = "The reversal (kind REVERSAL); Location: the commitment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    public Uni<Response> reverse(@PathParam("id") UUID paymentId, @Valid @NotNull CommitmentRequests.Release request,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        CallerScope caller = CallerScope.of(identity);
        return idempotent.once(caller, key, "reverse " + paymentId, request, () -> Panache.getSession()
                .chain(s -> s.find(Payment.class, paymentId)).chain(p -> {
                    if (p == null) {
                        throw ProblemException.notFound("Payment " + paymentId);
                    }
                    return authorise(p.commitmentId, caller);
                })
                .chain(() -> commitments.reverse(paymentId, request.amount(), request.reason(), caller.name()))
                .map(r -> IdempotentRequests.Outcome.created(URI.create("/api/funding/commitments/" + r.commitmentId),
                        PaymentView.of(r))));
    }

    /** Money on a commitment moves only by the owner of its envelope (MoneyRules); 403 naming the envelope. */
    private Uni<Void> authorise(UUID commitmentId, CallerScope caller) {
        return find(commitmentId).chain(c -> Panache.getSession().chain(s -> s.find(Envelope.class, c.envelopeId)))
                .invoke(e -> {
                    if (!MoneyRules.ownsEnvelope(caller, e.funder, e.region)) {
                        throw MoneyRules.notYourMoney(caller, e.id, e.name, e.funder, e.region, null);
                    }
                }).replaceWithVoid();
    }

    private static Uni<Commitment> find(UUID id) {
        return Panache.getSession().chain(s -> s.find(Commitment.class, id)).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Commitment " + id);
            }
            return c;
        });
    }

    private static Uni<CommitmentView> view(Commitment c) {
        return views(List.of(c)).map(views -> views.get(0));
    }

    /** Commitments with their payments: one query for the payments of the whole list. */
    private static Uni<List<CommitmentView>> views(List<Commitment> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery(
                "from Payment where commitmentId in :ids order by recordedAt, id", Payment.class)
                .setParameter("ids", list.stream().map(c -> c.id).toList()).getResultList())
                .map(payments -> list.stream().map(c -> CommitmentView.of(c, payments.stream()
                        .filter(p -> p.commitmentId.equals(c.id)).toList())).toList());
    }
}
