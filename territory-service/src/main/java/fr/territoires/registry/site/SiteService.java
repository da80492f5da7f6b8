package fr.territoires.registry.site;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.SiteV1;
import fr.territoires.registry.access.TerritoryAccess;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.reference.ReferenceData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Industrial sites a territory offers; each must lie in a commune of its perimeter today. */
@ApplicationScoped
public class SiteService {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final TerritoryAccess access;
    private final SiteRepository sites;
    private final PerimeterService perimeters;
    private final ReferenceData reference;
    private final Outbox outbox;

    public SiteService(TerritoryAccess access, SiteRepository sites, PerimeterService perimeters, ReferenceData reference,
            Outbox outbox) {
        this.access = access;
        this.sites = sites;
        this.perimeters = perimeters;
        this.reference = reference;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<Page<IndustrialSite>> list(String code, IndustrialSite.Status status, Boolean brownfield, BigDecimal minArea,
            PageRequest page) {
        return access.requireExists(code).chain(() -> Pages.read(sites.ofTerritory(code, status, brownfield, minArea), page));
    }

    @WithSession
    public Uni<IndustrialSite> get(String code, long id) {
        return find(code, id);
    }

    @WithTransaction
    public Uni<IndustrialSite> offer(String code, SiteRequest request, CallerScope caller) {
        return access.requireEditor(caller, code).call(() -> checkCommune(code, request.commune())).chain(t -> {
            IndustrialSite site = new IndustrialSite();
            site.territoryCode = code;
            site.status = request.status() == null ? IndustrialSite.Status.AVAILABLE : request.status();
            apply(site, request, caller.name());
            return Panache.getSession().chain(s -> s.persist(site).chain(s::flush))
                    .chain(() -> outbox.append(EventType.SITE_LISTED, code, new SiteV1.Listed(code, event(site))))
                    .replaceWith(site);
        });
    }

    @WithTransaction
    public Uni<IndustrialSite> replace(String code, long id, SiteRequest request, Long expectedVersion, CallerScope caller) {
        return access.requireEditor(caller, code).call(() -> checkCommune(code, request.commune()))
                .chain(t -> find(code, id)).chain(site -> {
                    IfMatch.require(expectedVersion, site.version, "Site " + id);
                    IndustrialSite.Status previous = site.status;
                    if (request.status() != null) {
                        site.status = request.status();
                    }
                    apply(site, request, caller.name());
                    return Panache.getSession().chain(s -> s.flush())
                            .chain(() -> outbox.append(EventType.SITE_UPDATED, code, new SiteV1.Updated(code, event(site),
                                    previous == site.status ? null : previous.name())))
                            .replaceWith(site);
                });
    }

    /** The commune must exist and lie in the territory's perimeter today. */
    private Uni<Void> checkCommune(String code, String commune) {
        if (reference.commune(commune).isEmpty()) {
            throw ProblemException.invalid("commune", "is not a commune in " + reference.source());
        }
        return perimeters.currentEpcisAt(code, dates.today()).map(epcis -> {
            if (!reference.coverage(epcis).communes().contains(commune)) {
                throw ProblemException.invalid("commune", "is outside the perimeter of territory " + code + " today");
            }
            return null;
        });
    }

    private static void apply(IndustrialSite site, SiteRequest r, String actor) {
        site.name = r.name().trim();
        site.commune = r.commune();
        site.areaHectares = r.areaHectares();
        site.brownfield = r.brownfield();
        site.services = r.services() == null ? new String[0]
                : r.services().stream().sorted().map(Enum::name).toArray(String[]::new);
        site.description = r.description();
        site.editedBy(actor);
    }

    private static Uni<IndustrialSite> find(String code, long id) {
        return Panache.getSession().chain(s -> s.find(IndustrialSite.class, id)).map(site -> {
            if (site == null || !site.territoryCode.equals(code)) {
                throw ProblemException.notFound("Site " + id + " of territory " + code);
            }
            return site;
        });
    }

    SiteV1 event(IndustrialSite s) {
        return new SiteV1(s.id, s.name, s.commune, reference.commune(s.commune).map(ReferenceData.Commune::name).orElse(null),
                s.areaHectares, s.status.name(), s.brownfield, java.util.List.of(s.services), s.description);
    }
}
