package fr.territoires.registry.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.registry.actionsheet.ActionSheet;
import fr.territoires.registry.actionsheet.ActionSheetRequest;
import fr.territoires.registry.actionsheet.ActionSheetService;
import fr.territoires.registry.governance.GovernanceRequests;
import fr.territoires.registry.governance.GovernanceService;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.profile.ProfileRequests;
import fr.territoires.registry.profile.ProfileService;
import fr.territoires.registry.site.SiteRequest;
import fr.territoires.registry.site.SiteService;
import fr.territoires.registry.entry.TerritoryRepository;
import fr.territoires.registry.territory.TerritoryRequests;
import fr.territoires.registry.territory.TerritoryService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads {@code demo/registry.json} at start-up when {@code registry.demo-data.enabled} is true
 * (`./platform up` sets it unless TI_DEMO_DATA=false): governance, action sheets and sites of real
 * territories of the official list, through the same services and rules as the API, so that
 * partners receive their events. When the official lists were loaded first (OfficialListLoader
 * observes start-up before), the territory is there with its official perimeter and only the demo
 * records (and the pilot flag) are added; otherwise the territory and its perimeter are created
 * from the file. A territory that already has its governance is left as it is; each one is loaded
 * in one transaction, whole or not at all.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** The demo is loaded as the programme team would enter it. */
    static final CallerScope LOADER = new CallerScope("demo-data", Set.of(CallerScope.PROGRAMME_ADMIN), null, List.of(),
            null);

    record DemoFile(String about, List<DemoTerritory> territories) {
    }

    record DemoTerritory(TerritoryRequests.NewTerritory territory, PerimeterService.Change perimeter,
            GovernanceRequests.GovernanceUpdate governance, ProfileRequests.ProfileUpdate industrialProfile,
            List<GovernanceRequests.NewMeeting> meetings, List<GovernanceRequests.NewContractDocument> contract,
            List<ActionSheetRequest> actionSheets, List<SiteRequest> sites) {
    }

    private final boolean enabled;
    private final ObjectMapper json;
    private final Validator validator;
    private final TerritoryRepository territories;
    private final TerritoryService territoryService;
    private final PerimeterService perimeters;
    private final GovernanceService governance;
    private final ProfileService profiles;
    private final ActionSheetService sheets;
    private final SiteService sites;

    public DemoData(@ConfigProperty(name = "registry.demo-data.enabled", defaultValue = "false") boolean enabled,
            ObjectMapper json, Validator validator, TerritoryRepository territories, TerritoryService territoryService,
            PerimeterService perimeters, GovernanceService governance, ProfileService profiles, ActionSheetService sheets,
            SiteService sites) {
        this.enabled = enabled;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
        this.territories = territories;
        this.territoryService = territoryService;
        this.perimeters = perimeters;
        this.governance = governance;
        this.profiles = profiles;
        this.sheets = sheets;
        this.sites = sites;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (enabled) {
            List<String> loaded = VertxContextSupport.subscribeAndAwait(this::load);
            LOG.infof("Demo data: %s", loaded.isEmpty() ? "already loaded" : "loaded " + loaded);
        }
    }

    /** Loads the territories not in the registry yet; returns their codes. */
    public Uni<List<String>> load() {
        DemoFile file = read();
        List<String> loaded = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DemoTerritory t : file.territories()) {
            chain = chain.chain(() -> Panache.withTransaction(() -> territories.findById(t.territory().code())
                    .chain(existing -> existing == null ? loadTerritory(t, true)
                            : hasGovernance(existing.code).chain(done -> done ? Uni.createFrom().item(false)
                                    : markPilot(existing, t).chain(() -> loadTerritory(t, false))))
                    .invoke(added -> {
                        if (added) {
                            loaded.add(t.territory().code());
                        }
                    }).replaceWithVoid()));
        }
        return chain.map(v -> loaded);
    }

    private static Uni<Boolean> hasGovernance(String code) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM governance WHERE territory_code = :code", Long.class)
                .setParameter("code", code).getSingleResult()).map(n -> n > 0);
    }

    /** The official list does not say which territories are pilots; the demo does, through the API's own change. */
    private Uni<?> markPilot(fr.territoires.registry.entry.Territory existing, DemoTerritory t) {
        if (!t.territory().pilot() || existing.pilot) {
            return Uni.createFrom().voidItem();
        }
        return territoryService.changeIdentity(existing.code, new TerritoryRequests.IdentityChange(null, true, null),
                existing.version, LOADER);
    }

    private Uni<Boolean> loadTerritory(DemoTerritory t, boolean create) {
        String code = t.territory().code();
        Uni<?> chain = create
                ? territoryService.create(t.territory()).chain(() -> perimeters.change(code, t.perimeter(), LOADER))
                : Uni.createFrom().voidItem();
        chain = chain
                .chain(() -> governance.replace(code, t.governance(), null, LOADER))
                .chain(() -> profiles.replace(code, t.industrialProfile(), null, LOADER));
        for (var meeting : t.meetings()) {
            chain = chain.chain(() -> governance.recordMeeting(code, meeting, LOADER));
        }
        for (var document : t.contract()) {
            chain = chain.chain(() -> governance.recordContractDocument(code, document, LOADER));
        }
        for (var sheet : t.actionSheets()) {
            chain = chain.chain(() -> addSheet(code, sheet));
        }
        for (var site : t.sites()) {
            chain = chain.chain(() -> sites.offer(code, site, LOADER));
        }
        return chain.replaceWith(true);
    }

    /** A sheet that is done or abandoned was first carried out: added in progress, then moved on. */
    private Uni<ActionSheet> addSheet(String code, ActionSheetRequest sheet) {
        ActionSheet.Status status = sheet.status();
        if (status != ActionSheet.Status.DONE && status != ActionSheet.Status.ABANDONED) {
            return sheets.add(code, sheet, LOADER);
        }
        ActionSheetRequest started = new ActionSheetRequest(sheet.title(), sheet.priority(), sheet.description(),
                sheet.owner(), ActionSheet.Status.IN_PROGRESS, sheet.plannedBudget(), sheet.indicators(), sheet.startsOn(),
                sheet.endsOn());
        return sheets.add(code, started, LOADER).chain(added -> sheets.replace(code, added.id, sheet, added.version, LOADER));
    }

    /** The demo file, checked with the API's own validation rules. */
    DemoFile read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/registry.json")) {
            DemoFile file = json.readValue(in, DemoFile.class);
            List<String> problems = new ArrayList<>();
            for (DemoTerritory t : file.territories()) {
                for (Object request : requests(t)) {
                    for (ConstraintViolation<Object> v : validator.validate(request)) {
                        problems.add(t.territory().code() + " " + request.getClass().getSimpleName() + "."
                                + v.getPropertyPath() + " " + v.getMessage());
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("demo/registry.json is invalid: " + problems);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("reading demo/registry.json", e);
        }
    }

    private static List<Object> requests(DemoTerritory t) {
        List<Object> all = new ArrayList<>(List.of(t.territory(), t.governance(), t.industrialProfile()));
        all.addAll(t.meetings());
        all.addAll(t.contract());
        all.addAll(t.actionSheets());
        all.addAll(t.sites());
        return all;
    }
}
