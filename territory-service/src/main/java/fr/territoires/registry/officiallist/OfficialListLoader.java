package fr.territoires.registry.officiallist;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.Perimeter;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryPerimeterChangedV1;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.reference.Phases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Loads both official lists into an empty registry at start-up when {@code registry.official-lists.enabled}
 * (`./platform up` sets it): phase 1 as a closed list (its perimeters dated 2019-01-01 to 2022-12-31,
 * each territory linked to its phase-2 successor), phase 2 as the live registry (labelled on
 * 2023-11-09, the list's publication, perimeters from 2023-01-01), announced to partners by
 * labelled.v1 and perimeter-changed.v1 events that name their phase. One transaction per list,
 * whole or nothing; a list already loaded (table official_list_load) is not loaded again, and a
 * phase-2 code already in the registry is left as it is.
 */
@ApplicationScoped
public class OfficialListLoader {

    private static final Logger LOG = Logger.getLogger(OfficialListLoader.class);
    static final String ACTOR = "official-list";

    /**
     * What a load did.
     *
     * @param millis its duration before the commit
     * @param cpuMillis the CPU time the loading thread used meanwhile (the event loop that runs the whole load;
     *     -1 if it moved to another thread): on a busy machine, the work as opposed to the wait
     */
    public record Loaded(String phase, int territories, int members, int events, List<String> unresolved,
            List<String> skipped, long millis, long cpuMillis) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final boolean enabled;
    private final OfficialLists lists;
    private final PerimeterService perimeters;
    private final Outbox outbox;

    public OfficialListLoader(@ConfigProperty(name = "registry.official-lists.enabled", defaultValue = "false") boolean enabled,
            OfficialLists lists, PerimeterService perimeters, Outbox outbox) {
        this.enabled = enabled;
        this.lists = lists;
        this.perimeters = perimeters;
        this.outbox = outbox;
    }

    /** Before the demo data, which hangs off the official codes. */
    void onStart(@Observes @Priority(10) StartupEvent event) throws Throwable {
        if (enabled) {
            long start = System.nanoTime();
            List<Loaded> loaded = VertxContextSupport.subscribeAndAwait(this::load);
            LOG.info(summary(loaded, (System.nanoTime() - start) / 1_000_000, lists.source()));
        }
    }

    /**
     * The start log's line, e.g. "Official lists loaded: 183 + 149 territories in 2104 ms (2023-2027: 183
     * territories, 641 members, 366 events, 1702 ms (410 ms CPU on the loading thread); 2019-2022: …)": the
     * figures docs/benchmarks.md records.
     */
    static String summary(List<Loaded> loaded, long millis, String source) {
        if (loaded.isEmpty()) {
            return "Official lists already loaded (" + source + ")";
        }
        List<Loaded> newestFirst = loaded.stream().sorted(java.util.Comparator.comparing(Loaded::phase).reversed()).toList();
        return "Official lists loaded: " + newestFirst.stream().map(l -> String.valueOf(l.territories()))
                .collect(Collectors.joining(" + ")) + " territories in " + millis + " ms ("
                + newestFirst.stream().map(l -> l.phase() + ": " + l.territories() + " territories, " + l.members()
                        + " members, " + l.events() + " events, " + l.millis() + " ms"
                        + (l.cpuMillis() < 0 ? "" : " (" + l.cpuMillis() + " ms CPU on the loading thread)")
                        + (l.unresolved().isEmpty() ? "" : ", unresolved " + l.unresolved())
                        + (l.skipped().isEmpty() ? "" : ", already in the registry " + l.skipped()))
                        .collect(Collectors.joining("; "))
                + "; " + source + ")";
    }

    /** Loads the lists not loaded yet, phase 1 first (phase-2 events name their phase-1 predecessors). */
    public Uni<List<Loaded>> load() {
        List<Loaded> done = new ArrayList<>();
        long[] start = new long[3];
        return Uni.createFrom().voidItem().invoke(() -> started(start))
                .chain(() -> Panache.withTransaction(() -> loaded(Phases.FIRST).chain(already -> already
                        ? Uni.createFrom().voidItem() : loadPhaseOne().invoke(l -> done.add(timed(l, start))).replaceWithVoid())))
                .invoke(() -> started(start))
                .chain(() -> Panache.withTransaction(() -> loaded(Phases.CURRENT).chain(already -> already
                        ? Uni.createFrom().voidItem() : loadPhaseTwo().invoke(l -> done.add(timed(l, start))).replaceWithVoid())))
                .map(v -> done);
    }

    private static void started(long[] start) {
        start[0] = System.nanoTime();
        start[1] = Thread.currentThread().getId();
        start[2] = THREADS.getCurrentThreadCpuTime();
    }

    private static Loaded timed(Loaded l, long[] start) {
        long cpu = Thread.currentThread().getId() == start[1] ? (THREADS.getCurrentThreadCpuTime() - start[2]) / 1_000_000 : -1;
        return new Loaded(l.phase(), l.territories(), l.members(), l.events(), l.unresolved(), l.skipped(),
                (System.nanoTime() - start[0]) / 1_000_000, cpu);
    }

    private static Uni<Boolean> loaded(String phase) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM official_list_load WHERE phase = :phase", Long.class)
                .setParameter("phase", phase).getSingleResult()).map(n -> n > 0);
    }

    private Uni<Loaded> loadPhaseOne() {
        List<OfficialLists.Listed> list = lists.of(Phases.FIRST);
        List<String> pairs = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> successions = new ArrayList<>();
        for (OfficialLists.Listed t : list) {
            for (int i = 0; i < t.successors().size(); i++) {
                successions.add(t.code() + ":" + t.successors().get(i) + ":" + (i + 1));
            }
            t.members().forEach(m -> pairs.add(t.code() + ":" + m));
            t.unresolved().forEach(m -> {
                pairs.add(t.code() + ":" + m);
                unresolved.add(t.code() + ":" + m);
            });
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO phase1_territory (code, name, successor_code)
                SELECT c, n, NULLIF(x, '') FROM unnest(string_to_array(:codes, '|'), string_to_array(:names, '|'),
                    string_to_array(:successors, '|')) AS r(c, n, x)""")
                .setParameter("codes", join(list, OfficialLists.Listed::code))
                .setParameter("names", join(list, OfficialLists.Listed::name))
                .setParameter("successors", join(list, t -> t.successors().isEmpty() ? "" : t.successors().get(0)))
                .executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        INSERT INTO phase1_successor (territory_code, successor_code, rank)
                        SELECT split_part(x, ':', 1), split_part(x, ':', 2), CAST(split_part(x, ':', 3) AS smallint)
                        FROM unnest(string_to_array(:rows, ',')) AS r(x)""")
                        .setParameter("rows", String.join(",", successions)).executeUpdate())
                .chain(() -> insertPairs(s, "INSERT INTO phase1_member (territory_code, siren) ", pairs, ""))
                .chain(() -> recordLoad(s, Phases.FIRST, list.size(), pairs.size())))
                .map(v -> new Loaded(Phases.FIRST, list.size(), pairs.size(), 0, unresolved, List.of(), 0, 0));
    }

    private Uni<Loaded> loadPhaseTwo() {
        List<OfficialLists.Listed> all = lists.of(Phases.CURRENT);
        // A phase-2 territory's predecessors: the phase-1 territories it continues, in code order.
        Map<String, List<String>> predecessors = new HashMap<>();
        for (OfficialLists.Listed t : lists.of(Phases.FIRST)) {
            t.successors().forEach(next -> predecessors.computeIfAbsent(next, k -> new ArrayList<>()).add(t.code()));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT code FROM territory", String.class)
                .getResultList().chain(existing -> {
                    Set<String> present = new HashSet<>(existing);
                    List<OfficialLists.Listed> list = all.stream().filter(t -> !present.contains(t.code())).toList();
                    List<String> skipped = all.stream().map(OfficialLists.Listed::code).filter(present::contains).toList();
                    List<String> pairs = new ArrayList<>();
                    List<String> unresolved = new ArrayList<>();
                    Map<String, List<String>> membersOf = new HashMap<>();
                    for (OfficialLists.Listed t : list) {
                        List<String> members = new ArrayList<>(t.members());
                        members.addAll(t.unresolved());
                        members.sort(null);
                        membersOf.put(t.code(), members);
                        members.forEach(m -> pairs.add(t.code() + ":" + m));
                        t.unresolved().forEach(m -> unresolved.add(t.code() + ":" + m));
                    }
                    String reason = "Official list of phase 2 (ANCT, " + lists.source() + ")";
                    // The events' payloads, computed before the statements: per territory labelled.v1 then
                    // perimeter-changed.v1. appendAll checks each against its schema and writes them all with one
                    // statement, in this order (one round trip instead of 366; the same rows, ids and sequences).
                    List<Outbox.Pending> events = new ArrayList<>(2 * list.size());
                    for (OfficialLists.Listed t : list) {
                        Perimeter perimeter = perimeters.perimeterOf(membersOf.get(t.code()));
                        events.add(new Outbox.Pending(EventType.TERRITORY_LABELLED, t.code(),
                                TerritoryLabelledV1.of(t.code(), t.name(), false, perimeter)
                                        .inPhase(Phases.CURRENT, predecessors.get(t.code()))));
                        events.add(new Outbox.Pending(EventType.TERRITORY_PERIMETER_CHANGED, t.code(),
                                new TerritoryPerimeterChangedV1(t.code(), t.name(), Phases.CURRENT_STARTS.toString(),
                                        perimeter, List.of(), reason, Phases.CURRENT)));
                    }
                    return s.createNativeQuery("""
                            INSERT INTO territory (code, name, status, pilot, phases, updated_at)
                            SELECT c, n, 'LABELLED', FALSE, ARRAY['2023-2027'], now()
                            FROM unnest(string_to_array(:codes, '|'), string_to_array(:names, '|')) AS r(c, n)""")
                            .setParameter("codes", join(list, OfficialLists.Listed::code))
                            .setParameter("names", join(list, OfficialLists.Listed::name)).executeUpdate()
                            .chain(() -> s.createNativeQuery("""
                                    INSERT INTO territory_label (territory_code, phase, labelled_on)
                                    SELECT c, '2023-2027', :d FROM unnest(string_to_array(:codes, '|')) AS r(c)""")
                                    .setParameter("codes", join(list, OfficialLists.Listed::code))
                                    .setParameter("d", Phases.CURRENT_PUBLISHED).executeUpdate())
                            .chain(() -> insertPairs(s, "INSERT INTO territory_epci (territory_code, epci_siren, valid_from) ",
                                    pairs, ", DATE '" + Phases.CURRENT_STARTS + "'"))
                            .chain(() -> s.createNativeQuery("""
                                    INSERT INTO perimeter_change (territory_code, effective_on, epcis, previous_epcis, reason, changed_by)
                                    SELECT split_part(x, ':', 1), :d, string_to_array(split_part(x, ':', 2), ' '), '{}', :reason, :actor
                                    FROM unnest(string_to_array(:rows, ',')) AS r(x)""")
                                    .setParameter("rows", list.stream()
                                            .map(t -> t.code() + ":" + String.join(" ", membersOf.get(t.code())))
                                            .collect(Collectors.joining(",")))
                                    .setParameter("d", Phases.CURRENT_STARTS).setParameter("reason", reason)
                                    .setParameter("actor", ACTOR).executeUpdate())
                            .chain(() -> outbox.appendAll(events))
                            .chain(() -> recordLoad(s, Phases.CURRENT, list.size(), pairs.size()))
                            .map(v -> new Loaded(Phases.CURRENT, list.size(), pairs.size(), events.size(), unresolved,
                                    skipped, 0, 0));
                }));
    }

    /** Inserts "code:siren" pairs in one statement; {@code extra} adds constant columns. */
    private static Uni<Integer> insertPairs(Mutiny.Session s, String insert, List<String> pairs, String extra) {
        return s.createNativeQuery(insert + "SELECT split_part(x, ':', 1), split_part(x, ':', 2)" + extra
                + " FROM unnest(string_to_array(:pairs, ',')) AS r(x)")
                .setParameter("pairs", String.join(",", pairs)).executeUpdate();
    }

    private Uni<Integer> recordLoad(Mutiny.Session s, String phase, int territories, int members) {
        return s.createNativeQuery("""
                INSERT INTO official_list_load (phase, source, territories, members) VALUES (:phase, :source, :t, :m)""")
                .setParameter("phase", phase).setParameter("source", lists.source()).setParameter("t", territories)
                .setParameter("m", members).executeUpdate();
    }

    private static String join(List<OfficialLists.Listed> list, java.util.function.Function<OfficialLists.Listed, String> field) {
        return list.stream().map(field).collect(Collectors.joining("|"));
    }
}
