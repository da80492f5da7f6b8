package fr.territoires.e2e;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.Platform;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform for the end-to-end suites, started once per test JVM: the four packaged
 * services as processes on the build's real PostgreSQL, Kafka and Keycloak. Stopped when the JVM
 * ends, and by the build's watchdog whatever happens. Every process exports its spans to
 * {@link #traces()}, a small OTLP/HTTP receiver in this JVM (TI_OTLP_ENDPOINT).
 */
final class E2ePlatform {

    /**
     * The end-to-end services compile with C1 only: they live a few minutes on two cores shared with the build's
     * other JVMs, where C2's compilations cost more processor than their faster code gives back (the tests' own JVMs
     * run so too, test.jvm.args). Measured on the end-to-end module alone, back to back: 373 s against 417 s.
     * A benchmark's platform ({@link #forBenchmark}) keeps the JVM's default, as ./platform up does.
     */
    private static final List<String> TEST_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private static List<String> serviceJvmOptions = TEST_JVM_OPTIONS;

    private static E2ePlatform running;
    private static Map<String, String> gatewayEnvironment = Map.of();

    private final Stack stack;
    private final List<QuarkusService> services = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final OtlpReceiver traces = new OtlpReceiver();
    /** Where each partition of the platform's topics ended before this platform started (topic-partition → offset). */
    private final Map<String, Long> topicEndsAtStart;

    private E2ePlatform() {
        Path root = BuildInfrastructure.buildRoot();
        List<String> databases = Platform.SERVICES.stream().filter(s -> s.database() != null)
                .map(s -> "e2e_" + s.database()).toList();
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(databases.toArray(String[]::new));
        String kafka = BuildInfrastructure.kafkaBootstrapServers();
        // Keycloak starts beside the services: they need only its address until a token comes.
        BuildInfrastructure.KeycloakStart keycloak = BuildInfrastructure.keycloakStarting();
        for (Platform.ServiceModule s : Platform.SERVICES) {
            ports.put(s.name(), OsProcesses.freePort());
        }
        for (Platform.ServiceModule s : Platform.SERVICES) {
            Platform.ServiceModule e2e = new Platform.ServiceModule(s.name(),
                    s.database() == null ? null : "e2e_" + s.database());
            Map<String, String> env = new HashMap<>(Platform.serviceEnvironment(e2e, pg.host(), pg.port(), pg.user(), pg.password(),
                    kafka, keycloak.url(),
                    url("territory-service"), url("funding-service"), url("recruitment-service")));
            env.put("TI_OTLP_ENDPOINT", traces.endpoint());
            env.put("TI_OTLP_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            if (s.name().equals("gateway")) {
                env.putAll(gatewayEnvironment);
            }
            services.add(new QuarkusService(s.name(), root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar"),
                    ports.get(s.name()), env, serviceJvmOptions));
        }
        stack = new Stack(root.resolve("e2e-tests/target/platform"), line -> System.out.println("[e2e]" + line));
        topicEndsAtStart = PlatformTopics.ends(kafka);
        stack.start(services);
        try {
            for (QuarkusService service : services) {
                BuildInfrastructure.stopWhenBuildEnds(stack, service);
            }
        } catch (java.io.IOException e) {
            stack.stop(services);
            throw new java.io.UncheckedIOException("the watchdog could not be set up", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop(services);
            traces.close();
        }));
        keycloak.awaitReady();
    }

    /** Where each partition of the three topics ended before this platform started: what follows is its own. */
    Map<String, Long> topicEndsAtStart() {
        return topicEndsAtStart;
    }

    /** The spans every process of the platform exported. */
    OtlpReceiver traces() {
        return traces;
    }

    /**
     * The platform of a benchmark: the services' JVMs as ./platform up runs them, with extra configuration of the
     * gateway (benchmarks lift its rate limit); before the first {@link #get()}.
     */
    static synchronized E2ePlatform forBenchmark(Map<String, String> gatewayEnv) {
        if (running != null && (!gatewayEnv.equals(gatewayEnvironment) || !serviceJvmOptions.isEmpty())) {
            throw new IllegalStateException("the platform already runs with another configuration");
        }
        gatewayEnvironment = gatewayEnv;
        serviceJvmOptions = List.of();
        return get();
    }

    static synchronized E2ePlatform get() {
        if (running == null) {
            running = new E2ePlatform();
        }
        return running;
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    String gateway() {
        return url("gateway");
    }
}
