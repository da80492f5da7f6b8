package fr.territoires.registry.territory;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territories")
public class TerritoryResource {

    /** What the open-data list shows of a territory. */
    public record TerritorySummary(String code, String name, TerritoryStatus status, boolean pilot) {

        static TerritorySummary of(Territory t) {
            return new TerritorySummary(t.code, t.name, t.status, t.pilot);
        }
    }

    private final TerritoryRepository territories;

    public TerritoryResource(TerritoryRepository territories) {
        this.territories = territories;
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "List territories (public, open data)", description = "In code order; page from 0, size 1-100.")
    public Uni<Page<TerritorySummary>> list(@BeanParam PagingParams paging) {
        return territories.page(paging.request()).map(p -> p.map(TerritorySummary::of));
    }
}
