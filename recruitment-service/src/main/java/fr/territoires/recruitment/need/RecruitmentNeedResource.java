package fr.territoires.recruitment.need;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/recruitment/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recruitment needs")
@Authenticated
public class RecruitmentNeedResource {

    public record NeedSummary(UUID id, String territoryCode, String commune, String romeCode, String jobTitle,
            int headcount, RecruitmentNeed.ContractType contractType, RecruitmentNeed.Status status) {

        static NeedSummary of(RecruitmentNeed n) {
            return new NeedSummary(n.id, n.territoryCode, n.commune, n.romeCode, n.jobTitle, n.headcount,
                    n.contractType, n.status);
        }
    }

    private final RecruitmentNeedRepository needs;

    public RecruitmentNeedResource(RecruitmentNeedRepository needs) {
        this.needs = needs;
    }

    @GET
    @WithSession
    @Operation(summary = "List recruitment needs", description = "Any signed-in role; by territory and job code.")
    public Uni<Page<NeedSummary>> list(@BeanParam PagingParams paging) {
        return needs.page(paging.request()).map(p -> p.map(NeedSummary::of));
    }
}
