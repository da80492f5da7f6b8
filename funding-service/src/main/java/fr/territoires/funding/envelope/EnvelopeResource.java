package fr.territoires.funding.envelope;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/envelopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Envelopes")
@Authenticated
public class EnvelopeResource {

    public record EnvelopeSummary(UUID id, Envelope.Funder funder, String region, String name,
            Envelope.Priority priority, BigDecimal ceiling, Envelope.Status status) {

        static EnvelopeSummary of(Envelope e) {
            return new EnvelopeSummary(e.id, e.funder, e.region, e.name, e.priority, e.ceiling, e.status);
        }
    }

    private final EnvelopeRepository envelopes;

    public EnvelopeResource(EnvelopeRepository envelopes) {
        this.envelopes = envelopes;
    }

    @GET
    @WithSession
    @Operation(summary = "List funding envelopes", description = "Any signed-in role; by name.")
    public Uni<Page<EnvelopeSummary>> list(@BeanParam PagingParams paging) {
        return envelopes.page(paging.request()).map(p -> p.map(EnvelopeSummary::of));
    }
}
