package fr.territoires.registry.perimeter;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.params.DateParam;
import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.registry.reference.Phases;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/territories/{code}/perimeter")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Perimeter")
@Authenticated
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class PerimeterResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    public record PerimeterRequest(@NotNull List<String> epcis, @NotNull LocalDate effectiveOn, @Size(max = 1000) String reason) {
    }

    public record EpciSummary(String siren, String name, String type, int population, int communes) {
    }

    /**
     * A perimeter on a date; communes, population, départements and regions derive from its members
     * (EPCIs, EPTs and single communes, each with its type). {@code phase}: whose code this is;
     * {@code unknownMembers}: member SIRENs the reference data does not know (a group merged since the
     * list was published), shown rather than dropped.
     */
    public record PerimeterView(String code, LocalDate asOf, List<EpciSummary> epcis, int communes, long population,
            List<ReferenceData.Named> departements, List<ReferenceData.Named> regions, String phase,
            List<String> unknownMembers) {
    }

    private final PerimeterService perimeters;
    private final ReferenceData reference;
    private final SecurityIdentity identity;
    private final PhaseOne phaseOne;

    public PerimeterResource(PerimeterService perimeters, ReferenceData reference, SecurityIdentity identity,
            PhaseOne phaseOne) {
        this.phaseOne = phaseOne;
        this.perimeters = perimeters;
        this.reference = reference;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A territory's perimeter on a date (today by default)",
            description = "phase: 2023-2027 (default, the live registry) or 2019-2022 (the official phase-1 list, whose "
                    + "codes are phase-1 codes and whose perimeters hold from 2019-01-01 to 2022-12-31). Codes are per "
                    + "phase: Val de Lorraine is ti-4413 in phase 1 and ti-4420 in phase 2.")
    public Uni<PerimeterView> get(@PathParam("code") String code, @QueryParam("asOf") String asOf,
            @QueryParam("phase") String phase) {
        LocalDate date = DateParam.parseOrToday("asOf", asOf, dates.today());
        String p = Phases.parse(phase);
        if (Phases.FIRST.equals(p)) {
            return phaseOne.find(code).chain(official -> official.isPresent()
                    ? Uni.createFrom().item(view(code, date, Phases.FIRST.equals(Phases.ofDate(date))
                            ? official.get().members() : List.of(), p))
                    : perimeters.epcisAt(code, date).map(epcis -> view(code, date, epcis, p)));
        }
        return perimeters.epcisAt(code, date).map(epcis -> view(code, date, epcis, p));
    }

    @PUT
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a territory's EPCIs from a date on",
            description = "programme-admin, or the region-officer of the territory's region (who may add only EPCIs "
                    + "with communes in its region). Every change is dated and kept; territory.perimeter-changed.v1 is published.")
    public Uni<PerimeterView> change(@PathParam("code") String code, @NotNull PerimeterRequest request) {
        return perimeters.change(code, new PerimeterService.Change(request.epcis(), request.effectiveOn(), request.reason()),
                CallerScope.of(identity)).map(r -> view(code, request.effectiveOn(), r.epcis(), Phases.CURRENT));
    }

    PerimeterView view(String code, LocalDate date, List<String> epcis, String phase) {
        List<EpciSummary> summaries = epcis.stream().map(siren -> reference.member(siren).orElse(null))
                .filter(Objects::nonNull)
                .map(e -> new EpciSummary(e.siren(), e.name(), e.type(), e.population(), e.communes().size())).toList();
        ReferenceData.Coverage coverage = reference.coverage(epcis);
        return new PerimeterView(code, date, summaries, coverage.communes().size(), coverage.population(),
                coverage.departements(), coverage.regions(), phase,
                epcis.stream().filter(siren -> reference.member(siren).isEmpty()).toList());
    }

}
