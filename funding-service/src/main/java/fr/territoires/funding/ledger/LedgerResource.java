package fr.territoires.funding.ledger;

import fr.territoires.commons.access.CallerScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
@RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.PARTNER})
public class LedgerResource {

    public record EntryView(long id, OffsetDateTime recordedAt, String actor, String kind, UUID envelopeId,
            UUID commitmentId, UUID paymentId, Integer fiscalYear, BigDecimal amount, String reason) {
    }

    private final LedgerCheck check;

    public LedgerResource(LedgerCheck check) {
        this.check = check;
    }

    @GET
    @Path("check")
    @Operation(summary = "Prove that every balance equals its ledger",
            description = "Recomputes each envelope's ceiling, committed and paid, and each commitment's amount and paid, "
                    + "from the append-only ledger; lists any difference (none expected).")
    public Uni<LedgerCheck.Result> check() {
        return check.run();
    }

    @GET
    @Path("envelopes/{id}")
    @WithSession
    @Operation(summary = "An envelope's ledger: every movement of its money, oldest first")
    public Uni<List<EntryView>> ofEnvelope(@PathParam("id") UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT id, recorded_at, actor, kind, envelope_id, commitment_id, payment_id, fiscal_year, amount, reason
                FROM ledger_entry WHERE envelope_id = :id ORDER BY id""", Object[].class).setParameter("id", id)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new EntryView(((Number) r[0]).longValue(), (OffsetDateTime) r[1],
                        (String) r[2], (String) r[3], (UUID) r[4], (UUID) r[5], (UUID) r[6],
                        r[7] == null ? null : ((Number) r[7]).intValue(), (BigDecimal) r[8], (String) r[9])).toList());
    }
}
