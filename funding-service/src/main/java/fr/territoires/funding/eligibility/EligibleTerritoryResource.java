package fr.territoires.funding.eligibility;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility")
@Authenticated
public class EligibleTerritoryResource {

    public record Eligibility(String code, String name, String status, boolean eligible) {

        static Eligibility of(Territories.Known t) {
            return new Eligibility(t.code(), t.name(), t.status(), t.labelled());
        }
    }

    private final Territories territories;
    private final BusinessDates dates;

    public EligibleTerritoryResource(Territories territories, BusinessDates dates) {
        this.territories = territories;
        this.dates = dates;
    }

    @GET
    @WithSession
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER, CallerScope.TERRITORY_MANAGER,
            CallerScope.PARTNER})
    @Operation(summary = "Territories as funding knows them",
            description = "From territory events; eligible = labelled. Not for companies (they read nothing of funding).")
    public Uni<Page<Eligibility>> list(@BeanParam PagingParams paging) {
        return territories.page(dates.today(), paging.request()).map(p -> p.map(Eligibility::of));
    }
}
