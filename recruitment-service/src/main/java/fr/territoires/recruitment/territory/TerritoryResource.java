package fr.territoires.recruitment.territory;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.recruitment.reference.ReferenceData;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/recruitment/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territories")
@Authenticated
public class TerritoryResource {

    public record TerritoryView(String code, String name, String status, boolean pilot, int epcis, int communes,
            List<String> departements, List<String> regions) {
    }

    private final Territories territories;
    private final ReferenceData reference;
    private final BusinessDates today;

    public TerritoryResource(Territories territories, ReferenceData reference, BusinessDates today) {
        this.territories = territories;
        this.reference = reference;
        this.today = today;
    }

    @GET
    @WithSession
    @Operation(summary = "Territories as recruitment-service knows them",
            description = "From territory.events, with today's perimeter; a company may register in a commune of a "
                    + "LABELLED territory only. Any signed-in role.")
    public Uni<Page<TerritoryView>> listTerritories(@BeanParam PagingParams paging) {
        return territories.page(today.today(), paging.request()).map(p -> p.map(this::view));
    }

    private TerritoryView view(Territories.Known t) {
        var communes = t.communes().stream().map(reference::commune).flatMap(java.util.Optional::stream).toList();
        return new TerritoryView(t.code(), t.name(), t.status(), t.pilot(), t.epcis().size(), t.communes().size(),
                communes.stream().map(ReferenceData.Commune::departement).filter(Objects::nonNull).distinct().sorted().toList(),
                communes.stream().map(ReferenceData.Commune::region).filter(Objects::nonNull).distinct().sorted().toList());
    }
}
