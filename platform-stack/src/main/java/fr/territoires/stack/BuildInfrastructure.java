package fr.territoires.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Real PostgreSQL, Kafka and Keycloak for the tests of one Maven build, shared by every module.
 *
 * <p>The first test JVM that needs a component starts it in {@code <root>/target/test-infra},
 * with free ports, and leaves it running for the next modules; a watchdog stops it when the Maven
 * process that runs the build exits, whatever the outcome. Environment variables point the tests
 * at a running stack instead (TI_DB_HOST…, KAFKA_BOOTSTRAP_SERVERS, TI_KEYCLOAK_URL).
 */
public final class BuildInfrastructure {

    public static final String DB_USER = "territoires";
    public static final String DB_PASSWORD = "territoires";

    /** Where the tests' PostgreSQL is, and how to connect. */
    public record Postgres(String host, int port, String user, String password) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private BuildInfrastructure() {
    }

    /** PostgreSQL with these databases created (owned by the application role). */
    public static synchronized Postgres postgres(String... databases) {
        Map<String, String> env = System.getenv();
        Optional<String> externalHost = PlatformSettings.nonBlank(env, "TI_DB_HOST");
        if (externalHost.isPresent()) {
            PlatformSettings s = PlatformSettings.fromEnvironment(env);
            return new Postgres(externalHost.get(), s.dbPort(), s.dbUser(), s.dbPassword());
        }
        PostgresServer server = shared("postgres",
                ports -> new PostgresServer(dir(), ports[0], DB_USER, DB_PASSWORD, List.of(databases), true), 1);
        try {
            server.ensureRoleAndDatabases(DB_USER, DB_PASSWORD, List.of(databases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Postgres("localhost", server.port(), DB_USER, DB_PASSWORD);
    }

    public static synchronized String kafkaBootstrapServers() {
        return PlatformSettings.nonBlank(System.getenv(), "KAFKA_BOOTSTRAP_SERVERS").orElseGet(() ->
                shared("kafka", ports -> new KafkaBroker(dir(), ports[0], ports[1], true), 2).bootstrapServers());
    }

    /**
     * A broker of its own for a test that stops and restarts Kafka, so that other tests of the
     * build keep theirs. Started empty; restarts keep its data.
     */
    public static synchronized DedicatedKafka dedicatedKafka(String name) {
        return dedicated("kafka", name, 2, (runDir, ports) -> new DedicatedKafka(runDir, ports[0], ports[1]), false,
                kafka -> kafka.start(true));
    }

    /**
     * A PostgreSQL of its own for a test that stops and restarts the database under a running
     * service, so that the other tests of the build keep the shared one. Started empty with these
     * databases; restarts keep its data (a stopped database must come back with what it had).
     */
    public static synchronized DedicatedPostgres dedicatedPostgres(String name, String... databases) {
        return dedicated("postgres", name, 1, (runDir, ports) -> new DedicatedPostgres(runDir, ports[0],
                List.of(databases)), true, postgres -> postgres.start(true));
    }

    /**
     * A Keycloak of its own (realm {@code territoires}) behind a {@link TcpGate}, for a test that takes the identity
     * provider away from a running service and brings it back: {@link DedicatedKeycloak#url()} is the gate's, shut
     * until the test {@linkplain DedicatedKeycloak#reconnect() reconnects} it, so the application under test starts
     * while Keycloak is away. Keycloak itself starts in the background at the first call of the JVM (meanwhile the
     * application starts) and keeps running: one start for the whole test (in memory, a new start would import the
     * realm with new keys).
     */
    public static synchronized DedicatedKeycloak dedicatedKeycloak(String name) {
        return dedicated("keycloak", name, 3, (runDir, ports) -> new DedicatedKeycloak(runDir, ports[0], ports[1],
                ports[2]), false, DedicatedKeycloak::startInBackground);
    }

    private static final Map<String, Dedicated> DEDICATED = new java.util.HashMap<>();

    /**
     * One component per kind and name in the JVM, across class loaders too (a Quarkus test profile
     * loads this class anew, with empty maps): its ports live in a system property, and a component
     * already started is not started again, so every test of that name talks to the same one.
     * {@code whenCreated} starts the component the first time (not when its ports were known already).
     */
    @SuppressWarnings("unchecked")
    private static <D extends Dedicated> D dedicated(String kind, String name, int portCount,
            java.util.function.BiFunction<Path, int[], D> factory, boolean cleanFirst, Consumer<D> whenCreated) {
        return (D) DEDICATED.computeIfAbsent(kind + "/" + name, k -> {
            Path runDir = dir().resolve(name);
            String key = "ti.dedicated-" + kind + "." + name;
            String known = System.getProperty(key);
            if (known != null) {
                return factory.apply(runDir, java.util.Arrays.stream(known.split(",")).mapToInt(Integer::parseInt)
                        .toArray());
            }
            if (cleanFirst) {
                try {
                    Dirs.deleteRecursively(runDir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            int[] ports = new int[portCount];
            for (int i = 0; i < portCount; i++) {
                ports[i] = OsProcesses.freePort();
            }
            D component = factory.apply(runDir, ports);
            whenCreated.accept(component);
            System.setProperty(key, String.join(",", java.util.Arrays.stream(ports).mapToObj(String::valueOf)
                    .toList()));
            return component;
        });
    }

    /** A component of a test's own, that the test stops and starts again. */
    public abstract static class Dedicated {

        private final Stack stack;

        Dedicated(Path runDir) {
            this.stack = new Stack(runDir, line -> System.out.println("[test-infra " + runDir.getFileName() + "]" + line));
        }

        final Path runDir() {
            return stack.runDir();
        }

        /** The process, as started the first time ({@code fresh}) or again. */
        abstract Component component(boolean fresh);

        public synchronized void stop() {
            stack.stop(List.of(component(false)));
        }

        public synchronized void start() {
            start(false);
        }

        synchronized void start(boolean fresh) {
            Component component = component(fresh);
            stack.start(List.of(component));
            try {
                stopWhenBuildEnds(stack, component);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final class DedicatedKafka extends Dedicated {

        private final int port;
        private final int controllerPort;

        private DedicatedKafka(Path runDir, int port, int controllerPort) {
            super(runDir);
            this.port = port;
            this.controllerPort = controllerPort;
        }

        public String bootstrapServers() {
            return "localhost:" + port;
        }

        @Override
        Component component(boolean fresh) {
            return new KafkaBroker(runDir(), port, controllerPort, fresh);
        }
    }

    public static final class DedicatedPostgres extends Dedicated {

        private final PostgresServer server;

        private DedicatedPostgres(Path runDir, int port, List<String> databases) {
            super(runDir);
            this.server = new PostgresServer(runDir, port, DB_USER, DB_PASSWORD, databases, false);
        }

        public Postgres postgres() {
            return new Postgres("localhost", server.port(), DB_USER, DB_PASSWORD);
        }

        /** Creates these databases if missing (and the application role), as every test JVM of a build does. */
        public void ensureDatabases(String... databases) throws IOException {
            server.ensureRoleAndDatabases(DB_USER, DB_PASSWORD, List.of(databases));
        }

        /** Fast shutdown: open transactions are rolled back, connections closed. */
        @Override
        public synchronized void stop() {
            super.stop();
        }

        @Override
        Component component(boolean fresh) {
            return server;
        }
    }

    public static final class DedicatedKeycloak extends Dedicated {

        private final KeycloakServer server;
        private final TcpGate gate;
        private volatile RuntimeException startFailure;

        private DedicatedKeycloak(Path runDir, int port, int managementPort, int gatePort) {
            super(runDir);
            this.gate = new TcpGate(gatePort, port);
            this.server = new KeycloakServer(runDir, port, managementPort, true, dir(), "http://localhost:" + gatePort);
        }

        private void startInBackground() {
            Thread start = new Thread(() -> {
                try {
                    start(true);
                } catch (RuntimeException e) {
                    startFailure = e;
                }
            }, "dedicated-keycloak-start");
            start.setDaemon(true);
            start.start();
        }

        /** Its base URL, the gate's ({@code http://localhost:port}); the realm is {@link KeycloakServer#REALM}. */
        public String url() {
            return server.url();
        }

        /**
         * Keycloak reachable again through the gate, once it is ready (the first time, its start may still be under
         * way). Only the test that calls it should: a test class loaded anew sees the same ports but its own gate.
         */
        public void reconnect() {
            java.time.Instant deadline = java.time.Instant.now().plus(server.startTimeout());
            while (!server.isReady()) {
                if (startFailure != null) {
                    throw startFailure;
                }
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new StackException("The dedicated Keycloak was not ready within " + server.startTimeout()
                            + "; see " + runDir().resolve("logs/keycloak.log"));
                }
                OsProcesses.sleep(250);
            }
            gate.open();
        }

        /** Keycloak away for its clients: nothing listens at {@link #url()}, connections through it are cut. */
        public void cutOff() {
            gate.shut();
        }

        @Override
        Component component(boolean fresh) {
            return server;
        }
    }

    /** The build's Keycloak, ready (TI_KEYCLOAK_URL's, when set). */
    public static String keycloakUrl() {
        KeycloakStart keycloak = keycloakStarting();
        keycloak.awaitReady();
        return keycloak.url();
    }

    private static KeycloakServer keycloak(int[] ports) {
        return new KeycloakServer(dir(), ports[0], ports[1], true, dir());
    }

    /**
     * The build's Keycloak, started in the background: its address is known as soon as its ports are chosen, so
     * that what needs only the address (services, which fetch its keys when a token first comes) starts meanwhile
     * instead of after it (about 40 s on two cores).
     */
    public static synchronized KeycloakStart keycloakStarting() {
        // Once per JVM: a token is asked for at every turn of the end-to-end tests, and each look at the shared
        // one costs a file lock and two HTTP checks. A start that failed is tried again.
        if (buildKeycloak == null || buildKeycloak.ready.isCompletedExceptionally()) {
            buildKeycloak = startBuildKeycloak();
        }
        return buildKeycloak;
    }

    private static KeycloakStart buildKeycloak;

    private static KeycloakStart startBuildKeycloak() {
        Optional<String> external = PlatformSettings.nonBlank(System.getenv(), "TI_KEYCLOAK_URL");
        if (external.isPresent()) {
            return new KeycloakStart(CompletableFuture.completedFuture(external.get()),
                    CompletableFuture.completedFuture(null));
        }
        CompletableFuture<String> address = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread start = new Thread(() -> {
            try {
                synchronized (BuildInfrastructure.class) {
                    shared("keycloak", BuildInfrastructure::keycloak, 2, known -> address.complete(known.url()));
                }
                ready.complete(null);
            } catch (RuntimeException | Error e) {
                address.completeExceptionally(e);
                ready.completeExceptionally(e);
            }
        }, "build-keycloak-start");
        start.setDaemon(true);
        start.start();
        return new KeycloakStart(address, ready);
    }

    /** A Keycloak on its way: {@link #url()} as soon as it is known, {@link #awaitReady()} once it answers. */
    public static final class KeycloakStart {

        private final CompletableFuture<String> address;
        private final CompletableFuture<Void> ready;

        private KeycloakStart(CompletableFuture<String> address, CompletableFuture<Void> ready) {
            this.address = address;
            this.ready = ready;
        }

        public String url() {
            return address.join();
        }

        public void awaitReady() {
            ready.join();
        }
    }

    /** The reactor's root directory (set by the parent POM for every test JVM). */
    public static Path buildRoot() {
        String root = System.getProperty("ti.build.root");
        if (root != null && !root.isBlank() && !root.startsWith("${")) {
            return Path.of(root);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("platform-stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the build root: set -Dti.build.root");
        }
        return dir;
    }

    private static Path dir() {
        return buildRoot().resolve("target").resolve("test-infra");
    }

    /**
     * Reuses the component if a previous test JVM of this build started it and it is ready;
     * otherwise starts it on free ports, under a watchdog bound to the Maven process.
     */
    private static <C extends Component> C shared(String name, Function<int[], C> factory, int portCount) {
        return shared(name, factory, portCount, known -> { });
    }

    /** As above; {@code whenKnown} is given the component as soon as its ports are, before it is ready. */
    private static <C extends Component> C shared(String name, Function<int[], C> factory, int portCount,
            Consumer<C> whenKnown) {
        Path dir = dir();
        Stack stack = new Stack(dir, line -> System.out.println("[test-infra]" + line));
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Path state = dir.resolve(name + ".ports");
                if (Files.exists(state)) {
                    C existing = factory.apply(readPorts(state, portCount));
                    if (stack.running(existing).isPresent() && existing.isReady()) {
                        whenKnown.accept(existing);
                        return existing;
                    }
                    stack.stop(List.of(existing));
                }
                int[] ports = new int[portCount];
                for (int i = 0; i < portCount; i++) {
                    ports[i] = OsProcesses.freePort();
                }
                C component = factory.apply(ports);
                whenKnown.accept(component);
                stack.start(List.of(component));
                writePorts(state, ports);
                stopWhenBuildEnds(stack, component);
                return component;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a running component's process group once the build's Maven process is gone, even if
     * the test JVM that started it crashed before its own clean-up.
     */
    public static void stopWhenBuildEnds(Stack stack, Component component) throws IOException {
        long pgid = stack.running(component).orElseThrow().pid();
        Path dir = stack.runDir();
        String name = component.name();
        long owner = buildOwnerPid();
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "kill -INT \"$2\" 2>/dev/null; sleep 2; kill -TERM -- -\"$2\" 2>/dev/null; i=0; "
                + "while kill -0 -- -\"$2\" 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i+1)); done; "
                + "kill -KILL -- -\"$2\" 2>/dev/null; exit 0";
        OsProcesses.startDetached(List.of("sh", "-c", script, "test-infra-watchdog", String.valueOf(owner),
                String.valueOf(pgid)), Map.of(), dir, dir.resolve("logs").resolve(name + "-watchdog.log"));
    }

    /** The Maven JVM running this build (the nearest ancestor running Maven's launcher). */
    static long buildOwnerPid() {
        String explicit = System.getProperty("ti.infra.owner.pid");
        if (explicit != null && !explicit.isBlank()) {
            return Long.parseLong(explicit);
        }
        ProcessHandle current = ProcessHandle.current();
        Optional<ProcessHandle> parent = current.parent();
        for (Optional<ProcessHandle> p = parent; p.isPresent(); p = p.get().parent()) {
            String commandLine = p.get().info().commandLine().orElse("");
            if (commandLine.contains("org.codehaus.plexus.classworlds")) {
                return p.get().pid();
            }
        }
        return parent.map(ProcessHandle::pid).orElse(current.pid());
    }

    private static int[] readPorts(Path state, int count) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newInputStream(state)) {
            props.load(in);
        }
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = Integer.parseInt(props.getProperty("port." + i, "0"));
        }
        return ports;
    }

    private static void writePorts(Path state, int[] ports) throws IOException {
        Properties props = new Properties();
        for (int i = 0; i < ports.length; i++) {
            props.setProperty("port." + i, String.valueOf(ports[i]));
        }
        try (var out = Files.newOutputStream(state)) {
            props.store(out, "ports of the build's shared test infrastructure");
        }
    }
}
