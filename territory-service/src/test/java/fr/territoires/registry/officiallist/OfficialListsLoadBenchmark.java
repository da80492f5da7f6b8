package fr.territoires.registry.officiallist;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.Perimeter;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryPerimeterChangedV1;
import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.registry.reference.Phases;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.ReactiveDb;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (its name keeps it out of the build's test runs): the two parts of the
 * official lists' load that issue #13's profile found slow, each measured the old way and the new way
 * in the same JVM, against the same database, alternately, so that a busy machine weighs on both:
 * <ul>
 * <li>phase 2's 366 events through the outbox: one {@code Outbox.append} per event (one INSERT each,
 * as the loader did) against one {@code Outbox.appendAll} (one statement), each in a transaction
 * that is rolled back;</li>
 * <li>the 183 perimeters' communes: {@code ReferenceData.coverage(…).communes()} against
 * {@code ReferenceData.communesOf(…)}.</li>
 * </ul>
 * The whole load is measured where users see it, in `./platform up`'s log (docs/benchmarks.md).
 *
 * <pre>
 * ./mvnw -pl territory-service -am verify -Dtest=OfficialListsLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none
 * cat territory-service/target/benchmarks/official-lists-load.md
 * </pre>
 */
@QuarkusTest
@TestProfile(OfficialListsTest.WithOfficialLists.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = {@ResourceArg(name = "database", value = "territory_official"),
                @ResourceArg(name = "dedicatedKafka", value = "official-lists")})
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficialListsLoadBenchmark {

    private static final int WARM_UP = 2;
    private static final int ROUNDS = 7;

    @Inject
    OfficialLists lists;
    @Inject
    ReferenceData reference;
    @Inject
    Outbox outbox;

    @Test
    void oldAndNewWaysSideBySide() throws IOException {
        List<List<String>> perimeters = lists.of(Phases.CURRENT).stream().map(t -> {
            List<String> members = new ArrayList<>(t.members());
            members.addAll(t.unresolved());
            members.sort(null);
            return members;
        }).toList();
        List<Outbox.Pending> events = events(perimeters);

        long[] oneByOne = new long[ROUNDS];
        long[] oneStatement = new long[ROUNDS];
        long[] coverage = new long[ROUNDS];
        long[] communesOf = new long[ROUNDS];
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            long a = time(() -> ReactiveDb.rolledBack(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Outbox.Pending e : events) {
                    chain = chain.chain(() -> outbox.append(e.type(), e.key(), e.payload()).replaceWithVoid());
                }
                return chain;
            }));
            long b = time(() -> ReactiveDb.rolledBack(() -> outbox.appendAll(events)));
            long c = time(() -> perimeters.stream().mapToInt(p -> reference.coverage(p).communes().size()).sum());
            long d = time(() -> perimeters.stream().mapToInt(p -> reference.communesOf(p).size()).sum());
            if (round >= 0) {
                oneByOne[round] = a;
                oneStatement[round] = b;
                coverage[round] = c;
                communesOf[round] = d;
            }
        }

        String report = String.join("\n",
                "| part | old way | new way | old, median ms | new, median ms | old/new |",
                "|---|---|---|---|---|---|",
                row("366 outbox events", "append × 366", "appendAll", oneByOne, oneStatement),
                row("183 perimeters' communes", "coverage().communes()", "communesOf", coverage, communesOf),
                "",
                "Rounds (ms, after " + WARM_UP + " warm-up rounds): append × 366 " + Arrays.toString(ms(oneByOne))
                        + "; appendAll " + Arrays.toString(ms(oneStatement)) + "; coverage " + Arrays.toString(ms(coverage))
                        + "; communesOf " + Arrays.toString(ms(communesOf)) + ".",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, load average "
                        + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage())
                        + " at the end.", "");
        Path out = Path.of("target", "benchmarks", "official-lists-load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** As the loader builds them: per territory labelled.v1 then perimeter-changed.v1. */
    private List<Outbox.Pending> events(List<List<String>> perimeters) {
        List<Outbox.Pending> events = new ArrayList<>();
        List<OfficialLists.Listed> list = lists.of(Phases.CURRENT);
        for (int i = 0; i < list.size(); i++) {
            OfficialLists.Listed t = list.get(i);
            Perimeter perimeter = new Perimeter(perimeters.get(i), reference.communesOf(perimeters.get(i)));
            events.add(new Outbox.Pending(EventType.TERRITORY_LABELLED, t.code(),
                    TerritoryLabelledV1.of(t.code(), t.name(), false, perimeter).inPhase(Phases.CURRENT, List.of())));
            events.add(new Outbox.Pending(EventType.TERRITORY_PERIMETER_CHANGED, t.code(),
                    new TerritoryPerimeterChangedV1(t.code(), t.name(), Phases.CURRENT_STARTS.toString(), perimeter,
                            List.of(), "benchmark", Phases.CURRENT)));
        }
        return events;
    }

    private static long time(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static long[] ms(long[] nanos) {
        return Arrays.stream(nanos).map(n -> n / 1_000_000).toArray();
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static String row(String part, String old, String now, long[] a, long[] b) {
        return String.format("| %s | %s | %s | %.1f | %.1f | ×%.1f |", part, old, now, median(a), median(b),
                median(a) / median(b));
    }
}
