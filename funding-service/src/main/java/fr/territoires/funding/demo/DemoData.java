package fr.territoires.funding.demo;

import fr.territoires.commons.time.BusinessDates;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.demo.DemoLoading;
import fr.territoires.funding.application.Application;
import fr.territoires.funding.application.ApplicationRequests;
import fr.territoires.funding.application.ApplicationService;
import fr.territoires.funding.commitment.CommitmentService;
import fr.territoires.funding.commitment.Payment;
import fr.territoires.funding.envelope.Envelope;
import fr.territoires.funding.envelope.EnvelopeRequests;
import fr.territoires.funding.envelope.EnvelopeService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads {@code demo/funding.json} when {@code funding.demo-data.enabled} is true (`./platform up`):
 * envelopes of the programme's funders and applications of the demo territories at every stage,
 * with commitments and payments, through the same services and rules as the API. The territories
 * arrive from territory events, so the loader waits for them ({@link DemoLoading}: every 5 s, 10
 * minutes at most); it loads in one transaction, once (an envelope of the demo already there means
 * it is done).
 */
@ApplicationScoped
public class DemoData {

    @jakarta.inject.Inject
    BusinessDates dates;

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final CallerScope LOADER = new CallerScope("demo-data", Set.of(CallerScope.PROGRAMME_ADMIN), null, List.of(),
            null);

    record DemoPayment(int envelope, Payment.Kind kind, BigDecimal amount) {
    }

    record DemoAmount(int envelope, BigDecimal amount) {
    }

    record DemoApplication(Application.Status stage, String territory, String title, ApplicationRequests.Owner owner,
            BigDecimal eligibleCost, List<DemoAmount> requested, List<BigDecimal> approved, int jobsCreated, int jobsKept,
            BigDecimal privateInvestment, String reason, List<DemoPayment> payments) {
    }

    record DemoFile(String about, List<EnvelopeRequests.NewEnvelope> envelopes, List<DemoApplication> applications) {
    }

    private final boolean enabled;
    private final ObjectMapper json;
    private final EnvelopeService envelopes;
    private final ApplicationService applications;
    private final CommitmentService commitments;
    private Thread loader;

    public DemoData(@ConfigProperty(name = "funding.demo-data.enabled", defaultValue = "false") boolean enabled,
            ObjectMapper json, EnvelopeService envelopes, ApplicationService applications, CommitmentService commitments) {
        this.enabled = enabled;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.envelopes = envelopes;
        this.applications = applications;
        this.commitments = commitments;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            DemoFile file = read();
            loader = DemoLoading.start("funding", LOG, Duration.ofSeconds(5), Duration.ofMinutes(10),
                    "the demo territories and their perimeters (territory.events)",
                    () -> load(file).map(o -> o == Outcome.WAITING ? null : o.name().toLowerCase().replace('_', ' ')));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loader != null) {
            loader.interrupt();
        }
    }

    public enum Outcome { LOADED, ALREADY_LOADED, WAITING }

    /** One attempt: loads everything in one transaction if the demo territories are there. */
    public Uni<Outcome> load() {
        return load(read());
    }

    Uni<Outcome> load(DemoFile file) {
        List<String> territories = file.applications().stream().map(DemoApplication::territory).distinct().toList();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM envelope WHERE name = :name", Long.class)
                .setParameter("name", file.envelopes().get(0).name()).getSingleResult()
                .chain(existing -> existing > 0 ? Uni.createFrom().item(Outcome.ALREADY_LOADED)
                        : s.createNativeQuery("SELECT count(*) FROM territory t WHERE t.code IN (:codes) AND t.status = 'LABELLED'"
                                        // and their perimeter: a Region's envelope funds the territories of its region
                                        + " AND EXISTS (SELECT 1 FROM territory_perimeter p WHERE p.territory_code = t.code"
                                        + " AND cardinality(p.communes) > 0)",
                                Long.class).setParameter("codes", territories).getSingleResult()
                                .chain(ready -> ready < territories.size() ? Uni.createFrom().item(Outcome.WAITING)
                                        : loadAll(file).replaceWith(Outcome.LOADED)))));
    }

    private Uni<Void> loadAll(DemoFile file) {
        List<UUID> ids = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EnvelopeRequests.NewEnvelope e : file.envelopes()) {
            chain = chain.chain(() -> envelopes.open(e, LOADER).invoke(ids::add).replaceWithVoid());
        }
        for (DemoApplication a : file.applications()) {
            chain = chain.chain(() -> application(a, ids, file.envelopes()));
        }
        return chain;
    }

    /** Who decides a demo envelope's lines: its owner, as through the API (MoneyRules). */
    private static CallerScope owner(EnvelopeRequests.NewEnvelope e) {
        return e.funder() == Envelope.Funder.REGION
                ? new CallerScope("demo-data", Set.of(CallerScope.REGION_OFFICER), e.region(), List.of(), null)
                : LOADER;
    }

    private Uni<Void> application(DemoApplication a, List<UUID> envelopeIds, List<EnvelopeRequests.NewEnvelope> defs) {
        var request = new ApplicationRequests.NewApplication(a.territory(), null, a.owner(), a.title(), null, a.eligibleCost(),
                a.requested().stream().map(r -> new ApplicationRequests.Amount(envelopeIds.get(r.envelope()), r.amount()))
                        .toList(), a.jobsCreated(), a.jobsKept(), a.privateInvestment(), List.of());
        return applications.create(request, LOADER).chain(app -> {
            UUID id = app.id;
            Uni<Application> steps = Uni.createFrom().item(app);
            Application.Status stage = a.stage();
            if (stage == Application.Status.WITHDRAWN) {
                return applications.submit(id, LOADER).chain(() -> applications.withdraw(id, a.reason(), LOADER))
                        .replaceWithVoid();
            }
            if (stage != Application.Status.DRAFT) {
                steps = steps.chain(() -> applications.submit(id, LOADER));
            }
            if (stage == Application.Status.UNDER_REVIEW || stage == Application.Status.APPROVED
                    || stage == Application.Status.REJECTED) {
                steps = steps.chain(() -> applications.review(id, LOADER));
            }
            if (stage == Application.Status.REJECTED) {
                CallerScope decider = owner(defs.get(a.requested().get(0).envelope()));
                steps = steps.chain(() -> applications.decide(id, new ApplicationRequests.Decision(
                        Application.Status.REJECTED, a.reason(), null), decider).replaceWith(app));
            }
            if (stage == Application.Status.APPROVED) {
                // Each line by the owner of its envelope, one decision per owner.
                Map<CallerScope, List<ApplicationRequests.ApprovedAmount>> byOwner = new LinkedHashMap<>();
                for (int i = 0; i < a.requested().size(); i++) {
                    int envelope = a.requested().get(i).envelope();
                    byOwner.computeIfAbsent(owner(defs.get(envelope)), o -> new ArrayList<>())
                            .add(new ApplicationRequests.ApprovedAmount(envelopeIds.get(envelope), a.approved().get(i)));
                }
                for (Map.Entry<CallerScope, List<ApplicationRequests.ApprovedAmount>> decision : byOwner.entrySet()) {
                    steps = steps.chain(() -> applications.decide(id, new ApplicationRequests.Decision(
                            Application.Status.APPROVED, null, decision.getValue()), decision.getKey()).replaceWith(app));
                }
                for (DemoPayment p : a.payments() == null ? List.<DemoPayment>of() : a.payments()) {
                    steps = steps.chain(() -> commitmentOf(id, envelopeIds.get(p.envelope()))
                            .chain(c -> commitments.pay(c, p.kind(), p.amount(), dates.today(), "(demo)", LOADER.name()))
                            .replaceWith(app));
                }
            }
            return steps.replaceWithVoid();
        });
    }

    private static Uni<UUID> commitmentOf(UUID application, UUID envelope) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT id FROM commitment WHERE application_id = :a AND envelope_id = :e", UUID.class)
                .setParameter("a", application).setParameter("e", envelope).getSingleResult());
    }

    DemoFile read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/funding.json")) {
            return json.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading demo/funding.json", e);
        }
    }
}
