package fr.territoires.registry.territory;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.readcache.Freshness;
import fr.territoires.commons.readcache.ReadCache;
import fr.territoires.commons.readcache.ReadRevision;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryRepository;
import fr.territoires.registry.entry.TerritoryStatus;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.perimeter.PhaseOne;
import fr.territoires.registry.reference.Phases;
import fr.territoires.registry.reference.ReferenceData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@jakarta.inject.Singleton
@Path("/api/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territories")
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class TerritoryResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    /** What the open-data list shows of a territory; regions and départements from today's perimeter. */
    public record TerritorySummary(String code, String name, TerritoryStatus status, boolean pilot, List<String> phases,
            List<String> regions, List<String> departements) {

        static TerritorySummary of(TerritorySearch.Found f) {
            Territory t = f.territory();
            return new TerritorySummary(t.code, t.name, t.status, t.pilot, List.of(t.phases), f.regions(), f.departements());
        }
    }

    /**
     * A territory's public profile: identity, and where it is from today's perimeter;
     * {@code predecessors}: the phase-1 codes of the same place (official phase-1 list).
     */
    public record TerritoryProfile(String code, String name, TerritoryStatus status, boolean pilot, List<String> phases,
            List<PhaseLabels.Label> labels, List<ReferenceData.Named> regions, List<ReferenceData.Named> departements,
            int communes, long population, OffsetDateTime updatedAt, long version, List<String> predecessors) {

        static TerritoryProfile of(Territory t, List<PhaseLabels.Label> labels, ReferenceData.Coverage where,
                List<String> predecessors) {
            return new TerritoryProfile(t.code, t.name, t.status, t.pilot, List.of(t.phases), labels, where.regions(),
                    where.departements(), where.communes().size(), where.population(), t.updatedAt, t.version,
                    predecessors);
        }
    }

    /**
     * A territory of the official phase-1 list (2019-2022, closed): its phase-1 code, its members as
     * published (EPCIs, EPTs, single communes), where they are, and the phase-2 territories that continue it:
     * {@code successors} (several when it split), {@code successor} the one sharing most of its communes (null when none).
     */
    public record PhaseOneProfile(String code, String name, String phase, LocalDate from, LocalDate until,
            String successor, List<String> successors, List<ReferenceData.Named> members, List<String> unknownMembers,
            List<ReferenceData.Named> regions, List<ReferenceData.Named> departements, int communes, long population) {
    }

    /** A public read's arguments and the business day it was computed for (today's perimeter is in it). */
    private record ProfileKey(String code, LocalDate day) {
    }

    private record ListKey(TerritorySearch.Criteria criteria, PageRequest page, LocalDate day) {
    }

    /** The public reads, kept between changes of the registry (ReadCache; about 2 kB a profile, 5 kB a page). */
    private final ReadCache<ProfileKey, TerritoryProfile> profiles = new ReadCache<>(4_000);
    private final ReadCache<ListKey, Page<TerritorySummary>> lists = new ReadCache<>(2_000);

    @jakarta.inject.Inject
    ReadRevision revision;

    private final TerritoryRepository territories;
    private final TerritoryService service;
    private final TerritorySearch search;
    private final PerimeterService perimeters;
    private final ReferenceData reference;
    private final PhaseLabels labels;
    private final SecurityIdentity identity;
    private final PhaseOne phaseOne;

    public TerritoryResource(TerritoryRepository territories, TerritoryService service, TerritorySearch search,
            PerimeterService perimeters, ReferenceData reference, PhaseLabels labels, SecurityIdentity identity,
            PhaseOne phaseOne) {
        this.phaseOne = phaseOne;
        this.territories = territories;
        this.service = service;
        this.search = search;
        this.perimeters = perimeters;
        this.reference = reference;
        this.labels = labels;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "List and search territories (public, open data)",
            description = "In code order; page from 0, size 1-100. Filters, all optional: phase (2019-2022, 2023-2027), "
                    + "status, region (INSEE code), departement, priority (territories with an action sheet of that "
                    + "priority that is not abandoned: RECRUIT, INNOVATE, ATTRACT, SIMPLIFY), q (part of the name or code). "
                    + "ETag (weak: the registry's revision and the day) with Cache-Control: public, no-cache; "
                    + "If-None-Match with the current ETag answers 304 Not Modified, without a body.")
    public Uni<RestResponse<Page<TerritorySummary>>> list(@BeanParam PagingParams paging, @QueryParam("phase") String phase,
            @QueryParam("status") String status, @QueryParam("region") String region,
            @QueryParam("departement") String departement, @QueryParam("priority") String priority,
            @QueryParam("q") String q, @HeaderParam("If-None-Match") String ifNoneMatch) {
        TerritorySearch.Criteria criteria = TerritorySearch.Criteria.of(phase, status, region, departement, priority, q);
        PageRequest page = paging.request();
        LocalDate day = dates.today();
        return revision.current().chain(rev -> Freshness.respond(Freshness.tag(rev, day), ifNoneMatch, Freshness.PUBLIC,
                () -> lists.get(new ListKey(criteria, page, day), rev,
                        () -> search.search(criteria, page).map(p -> p.map(TerritorySummary::of)))));
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "A territory's public profile", description = "ETag: its version, for If-Match on changes. "
            + "phase=2019-2022 reads the official phase-1 list instead (codes are per phase: Val de Lorraine is ti-4413 "
            + "in phase 1, ti-4420 in phase 2): a PhaseOneProfile, read-only.")
    @APIResponse(responseCode = "200", description = "The public profile (a PhaseOneProfile with phase=2019-2022); ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = {TerritoryProfile.class, PhaseOneProfile.class})))
    public Uni<Response> profile(@PathParam("code") String code, @QueryParam("phase") String phase) {
        if (phase != null && Phases.FIRST.equals(Phases.parse(phase))) {
            return Panache.withSession(() -> phaseOne.find(code)).map(found -> found.map(t -> {
                List<String> known = t.members().stream().filter(m -> reference.member(m).isPresent()).toList();
                ReferenceData.Coverage where = reference.coverage(known);
                return Response.ok(new PhaseOneProfile(t.code(), t.name(), Phases.FIRST, Phases.FIRST_STARTS,
                        Phases.CURRENT_STARTS.minusDays(1), t.successor(), t.successors(),
                        known.stream().map(m -> new ReferenceData.Named(m, reference.member(m).orElseThrow().name())).toList(),
                        t.members().stream().filter(m -> !known.contains(m)).toList(),
                        where.regions(), where.departements(), where.communes().size(), where.population())).build();
            }).orElseThrow(() -> ProblemException.notFound("Territory " + code + " in the official list of phase 2019-2022")));
        }
        LocalDate day = dates.today();
        return revision.current().chain(rev -> profiles.get(new ProfileKey(code, day), rev,
                () -> Panache.withSession(() -> territories.findById(code).chain(t -> {
                    if (t == null) {
                        throw ProblemException.notFound("Territory " + code);
                    }
                    return profileOf(t);
                }))))
                .map(profile -> Response.ok(profile).tag(new EntityTag(String.valueOf(profile.version())))
                        .header("Cache-Control", Freshness.PUBLIC).build());
    }

    /** In the caller's session. */
    private Uni<TerritoryProfile> profileOf(Territory t) {
        return labels.of(t.code).chain(l -> perimeters.currentEpcisAt(t.code, dates.today())
                .chain(epcis -> phaseOne.predecessorsOf(t.code)
                        .map(predecessors -> TerritoryProfile.of(t, l, reference.coverage(epcis), predecessors))));
    }

    @POST
    @RolesAllowed("programme-admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a territory to the registry", description = "programme-admin. A labelled territory is announced on territory.events.")
    @APIResponse(responseCode = "201", description = "Added; Location: its address, ETag: its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerritoryProfile.class)))
    public Uni<Response> create(@Valid @NotNull TerritoryRequests.NewTerritory request) {
        return service.create(request).chain(t -> profileResponse(Response.created(URI.create("/api/territories/" + t.code)), t));
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a territory, set its pilot flag or phases",
            description = "programme-admin, or the region-officer of its region. Absent fields stay; the code never changes. "
                    + "territory.updated.v1 says what changed. If-Match with the ETag protects against lost updates (412).")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerritoryProfile.class)))
    public Uni<Response> changeIdentity(@PathParam("code") String code,
            @Valid @NotNull TerritoryRequests.IdentityChange change, @HeaderParam("If-Match") String ifMatch) {
        return service.changeIdentity(code, change, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .chain(t -> profileResponse(Response.ok(), t));
    }

    @PUT
    @Path("{code}/status")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.REGION_OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a territory's status",
            description = "programme-admin, or the region-officer of its region. If-Match with the ETag protects against lost updates (412).")
    @APIResponse(responseCode = "200", description = "Changed; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerritoryProfile.class)))
    public Uni<Response> changeStatus(@PathParam("code") String code, @Valid @NotNull TerritoryRequests.StatusChange change,
            @HeaderParam("If-Match") String ifMatch) {
        return service.changeStatus(code, change, IfMatch.parse(ifMatch), CallerScope.of(identity))
                .chain(t -> profileResponse(Response.ok(), t));
    }

    /** After a change: the profile as it now is, read in a session of its own. */
    private Uni<Response> profileResponse(Response.ResponseBuilder builder, Territory t) {
        return Panache.withSession(() -> profileOf(t)).map(profile -> withVersion(builder.entity(profile), t).build());
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder builder, Territory t) {
        return builder.tag(new EntityTag(String.valueOf(t.version)));
    }
}
