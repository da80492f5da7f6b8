package fr.territoires.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the platform's Quarkus services, run from its fast-jar. */
public final class QuarkusService implements Component {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final List<String> extraJvmOptions;

    public QuarkusService(String name, Path jar, int port, Map<String, String> env) {
        this(name, jar, port, env, List.of());
    }

    /** With JVM options after the services' own ({@link #JVM_OPTIONS}): a test's, never the platform's. */
    public QuarkusService(String name, Path jar, int port, Map<String, String> env, List<String> extraJvmOptions) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public String address() {
        return url() + "/q/swagger-ui";
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /**
     * The services' JVM (issue #16, RSS; figures in docs/benchmarks.md): the serial collector (one or two cores)
     * with a heap bounded at 256 MB that grows only when less than 10 % is free after a collection and is given
     * back after a full collection when more than 30 % is free (the defaults, 40 % and 70 %, keep it large); smaller
     * thread stacks than the default. The code cache keeps its default size: bounded at 64 MB, a service's compiled
     * code (about 55 MB after the approvals' benchmark) made the JIT flush methods and compile them again, measured as
     * 43 MB compiled and 11 MB left, with C2 busy for 24 s of 217 s.
     *
     * <p>Every 5 s the JVM gives back to the system the memory glibc keeps after it was freed (mostly the JIT
     * compilers' arenas): measured on the three services after the benchmark's load, 28–46 MB of RSS each
     * ({@code jcmd System.trim_native_heap}). The option exists from JDK 17.0.9 and 21 on: it is given only to a JVM
     * that knows it, the services running on the JVM that runs this launcher.
     */
    static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Xss512k"));
        if (knowsOption("TrimNativeHeapInterval")) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    /** Whether this JVM (the one that launches the services) has the HotSpot option {@code name}. */
    static boolean knowsOption(String name) {
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Launch prepare() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // glibc gives each thread that allocates its own 64 MB arena: two are enough for a service (issue #16, RSS).
        all.putIfAbsent("MALLOC_ARENA_MAX", "2");
        List<String> command = new java.util.ArrayList<>();
        command.add(Jdks.current().resolve("bin/java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return new Launch(command, all, jar.getParent());
    }

    @Override
    public boolean isReady() {
        return Http.status("http://127.0.0.1:" + port + "/q/health/ready") == 200;
    }
}
