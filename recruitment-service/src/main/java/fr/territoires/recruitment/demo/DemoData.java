package fr.territoires.recruitment.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.demo.DemoLoading;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.recruitment.company.CompanyRepository;
import fr.territoires.recruitment.company.CompanyRequest;
import fr.territoires.recruitment.company.CompanyService;
import fr.territoires.recruitment.need.NeedRequest;
import fr.territoires.recruitment.need.NeedService;
import fr.territoires.recruitment.need.RecruitmentNeed;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads {@code demo/recruitment.json} when {@code recruitment.demo-data.enabled} is true (`./platform
 * up` sets it unless TI_DEMO_DATA=false): fictitious companies of the demo territories and their
 * needs, through the same services and rules as the API, so that partners receive their events.
 * The territories arrive from territory-service's own demo through territory.events, at a time no
 * one controls: the loader waits on a thread of its own, looking again every retry-interval, until
 * each company's commune lies in its territory in the replica, then loads each company whole or not
 * at all. A company already registered is left as it is.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    /** The demo is entered as the programme team would enter it. */
    static final CallerScope LOADER = new CallerScope("demo-data", Set.of(CallerScope.PROGRAMME_ADMIN), null, List.of(),
            null);

    record DemoFile(String about, List<DemoCompany> companies) {
    }

    record DemoCompany(CompanyRequest company, List<DemoNeed> needs) {
    }

    /** Days count back from the loading day (declaredDaysAgo, daysAgo) or on from the declaration. */
    record DemoNeed(String romeCode, String jobTitle, int headcount, RecruitmentNeed.ContractType contractType,
            RecruitmentNeed.QualificationLevel qualificationLevel, List<String> skills, boolean workStudy,
            BigDecimal hoursPerWeek, boolean difficult, Set<RecruitmentNeed.DifficultyReason> difficultyReasons,
            int declaredDaysAgo, int startAfterDays, int deadlineAfterDays, List<Step> then) {
    }

    /** Later in a need's life: positions filled, or the need cancelled. */
    record Step(int daysAgo, Integer filledCount, String cancel) {
    }

    private final boolean enabled;
    private final Duration retryInterval;
    private final Duration giveUpAfter;
    private final ObjectMapper json;
    private final CompanyRepository companies;
    private final CompanyService companyService;
    private final NeedService needs;
    private final Territories territories;
    private final BusinessDates today;
    private volatile Thread waiting;

    public DemoData(@ConfigProperty(name = "recruitment.demo-data.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "recruitment.demo-data.retry-interval", defaultValue = "5S") Duration retryInterval,
            @ConfigProperty(name = "recruitment.demo-data.give-up-after", defaultValue = "30M") Duration giveUpAfter,
            ObjectMapper json, CompanyRepository companies, CompanyService companyService, NeedService needs,
            Territories territories, BusinessDates today) {
        this.enabled = enabled;
        this.retryInterval = retryInterval;
        this.giveUpAfter = giveUpAfter;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.companies = companies;
        this.companyService = companyService;
        this.needs = needs;
        this.territories = territories;
        this.today = today;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        DemoFile file = read();
        waiting = DemoLoading.start("recruitment", LOG, retryInterval, giveUpAfter,
                "the demo territories to reach the territory replica from territory.events",
                () -> missingTerritories(file).chain(missing -> !missing.isEmpty() ? Uni.createFrom().nullItem()
                        : load(file).map(loaded -> loaded.isEmpty() ? "already loaded"
                                : "loaded " + loaded.size() + " companies and their needs " + loaded)));
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread thread = waiting;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The demo territories that do not hold their companies' communes in the replica yet. */
    Uni<List<String>> missingTerritories(DemoFile file) {
        LocalDate on = today.today();
        return Panache.withSession(() -> Multi.createFrom().iterable(file.companies())
                .onItem().transformToUniAndConcatenate(c -> territories.labelledContaining(c.company().commune(), on)
                        .map(codes -> codes.contains(c.company().territory()) ? "" : c.company().territory()))
                .filter(s -> !s.isEmpty()).collect().asList()
                .map(list -> list.stream().distinct().toList()));
    }

    /** Loads the companies not registered yet, each in its own transaction; returns their SIRETs. */
    public Uni<List<String>> load() {
        return load(read());
    }

    private Uni<List<String>> load(DemoFile file) {
        List<String> loaded = new ArrayList<>();
        return Multi.createFrom().iterable(file.companies())
                .onItem().transformToUniAndConcatenate(c -> Panache.withTransaction(() -> companies
                        .findById(c.company().siret())
                        .chain(existing -> existing != null ? Uni.createFrom().voidItem()
                                : loadCompany(c).invoke(() -> loaded.add(c.company().siret())))))
                .collect().last()
                .chain(() -> needs.expireDue(today.today()))
                .map(expired -> List.copyOf(loaded));
    }

    private Uni<Void> loadCompany(DemoCompany c) {
        LocalDate now = today.today();
        return companyService.registerInCurrentTransaction(c.company(), LOADER)
                .chain(() -> Multi.createFrom().iterable(c.needs())
                        .onItem().transformToUniAndConcatenate(n -> loadNeed(c.company().siret(), n, now))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> loadNeed(String siret, DemoNeed n, LocalDate now) {
        LocalDate declared = now.minusDays(n.declaredDaysAgo());
        NeedRequest request = request(siret, n, declared, null);
        Uni<NeedService.Detailed> chain = needs.declareInCurrentTransaction(request, LOADER, declared);
        for (Step step : n.then()) {
            LocalDate on = now.minusDays(step.daysAgo());
            chain = chain.chain(d -> step.cancel() != null
                    ? needs.cancelInCurrentTransaction(d.need().id.toString(), step.cancel(), null, LOADER, on)
                    : needs.replaceInCurrentTransaction(d.need().id.toString(),
                            request(siret, n, declared, step.filledCount()), d.need().version, LOADER, on));
        }
        return chain.replaceWithVoid();
    }

    private static NeedRequest request(String siret, DemoNeed n, LocalDate declared, Integer filled) {
        return new NeedRequest(siret, n.romeCode(), n.jobTitle(), n.headcount(), filled, n.contractType(),
                n.qualificationLevel(), n.skills(), n.workStudy(), declared.plusDays(n.startAfterDays()),
                declared.plusDays(n.deadlineAfterDays()), n.hoursPerWeek(), n.difficult(), n.difficultyReasons(), null);
    }

    DemoFile read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/recruitment.json")) {
            return json.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading demo/recruitment.json", e);
        }
    }
}
