package fr.territoires.registry.perimeter;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.registry.reference.ReferenceData.Named;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.params.DateParam;
import fr.territoires.registry.reference.Phases;
import fr.territoires.registry.reference.ReferenceData;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.QueryParam;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Look-ups in the official administrative divisions. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
@Authenticated
public class ReferenceResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    public record CommuneView(String code, String name, int population, Named departement, Named region, Named epci) {
    }

    public record EpciView(String siren, String name, String type, int population, List<Named> communes) {
    }

    public record CommuneTerritory(String phase, java.time.LocalDate asOf, CommuneView commune, Named territory,
            String territoryStatus) {
    }

    private final ReferenceData reference;
    private final PerimeterService perimeters;
    private final PhaseOne phaseOne;

    public ReferenceResource(ReferenceData reference, PerimeterService perimeters, PhaseOne phaseOne) {
        this.phaseOne = phaseOne;
        this.reference = reference;
        this.perimeters = perimeters;
    }

    @GET
    @Path("communes/{insee}/territory")
    @Operation(summary = "The territory a commune belongs to in a phase, on a date",
            description = "phase: 2019-2022 or 2023-2027 (default); asOf: YYYY-MM-DD (default today). A commune belongs "
                    + "to a territory as a single-commune member, through its EPT (Métropole du Grand Paris) or its EPCI. "
                    + "Phase 2019-2022 answers from the official phase-1 list, whose perimeters hold from 2019-01-01 to "
                    + "2022-12-31. 404 if none.")
    public Uni<CommuneTerritory> territoryOf(@PathParam("insee") String insee, @QueryParam("phase") String phase,
            @QueryParam("asOf") String asOf) {
        CommuneView commune = commune(insee);
        String p = Phases.parse(phase);
        java.time.LocalDate date = DateParam.parseOrToday("asOf", asOf, dates.today());
        List<String> members = reference.membersHolding(reference.commune(insee).orElseThrow());
        Uni<java.util.Optional<PerimeterService.Membership>> found;
        if (Phases.FIRST.equals(p)) {
            found = Phases.FIRST.equals(Phases.ofDate(date)) ? phaseOne.holding(members)
                    .chain(official -> official.isPresent() ? Uni.createFrom().item(official)
                            : perimeters.territoryOf(members, p, date))
                    : perimeters.territoryOf(members, p, date);
        } else {
            found = perimeters.territoryOf(members, p, date);
        }
        return found.map(m -> m
                .map(t -> new CommuneTerritory(p, date, commune, new Named(t.territory(), t.name()), t.status()))
                .orElseThrow(() -> ProblemException.notFound("A territory of phase " + p + " holding commune " + insee
                        + " on " + date)));
    }

    @GET
    @Path("communes/{insee}")
    @Operation(summary = "A commune by its INSEE code, with its département, region and EPCI")
    public CommuneView commune(@PathParam("insee") String insee) {
        OfficialCodes.communeProblem(insee).ifPresent(p -> {
            throw ProblemException.invalid("insee", p);
        });
        ReferenceData.Commune c = reference.commune(insee)
                .orElseThrow(() -> ProblemException.notFound("Commune " + insee + " (" + reference.source() + ")"));
        return new CommuneView(c.code(), c.name(), c.population(),
                reference.departement(c.departement()).map(d -> new Named(d.code(), d.name())).orElse(null),
                reference.region(c.region()).map(r -> new Named(r.code(), r.name())).orElse(null),
                c.epci() == null ? null : reference.epci(c.epci()).map(e -> new Named(e.siren(), e.name())).orElse(null));
    }

    @GET
    @Path("epcis/{siren}")
    @Operation(summary = "An EPCI by its SIREN, with its member communes")
    public EpciView epci(@PathParam("siren") String siren) {
        OfficialCodes.sirenProblem(siren).ifPresent(p -> {
            throw ProblemException.invalid("siren", p);
        });
        ReferenceData.Epci e = reference.epci(siren)
                .orElseThrow(() -> ProblemException.notFound("EPCI " + siren + " (" + reference.source() + ")"));
        return new EpciView(e.siren(), e.name(), e.type(), e.population(), e.communes().stream()
                .map(code -> new Named(code, reference.commune(code).map(ReferenceData.Commune::name).orElse(code)))
                .toList());
    }
}
