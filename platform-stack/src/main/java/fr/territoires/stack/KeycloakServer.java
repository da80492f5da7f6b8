package fr.territoires.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central distribution, in start-dev mode, importing the realm
 * {@code territoires} kept in this module's resources. The hostname is pinned, so that the token
 * issuer is the same whether a client says localhost or 127.0.0.1.
 */
public final class KeycloakServer implements Component {

    public static final String REALM = "territoires";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path dir;
    private final int port;
    private final int managementPort;
    private final boolean throwaway;
    private final String publicUrl;

    /**
     * Where the tests' Keycloaks of one build keep the result of start-dev's own build ({@code lib/quarkus}, about
     * 3 MB); null: not kept (the platform's Keycloak keeps its directory across runs, so it builds once anyway).
     */
    private final Path builtLib;

    /** @param throwaway an in-memory database (tests) instead of a file kept across restarts */
    public KeycloakServer(Path runDir, int port, int managementPort, boolean throwaway) {
        this(runDir, port, managementPort, throwaway, null);
    }

    /**
     * @param buildCache a folder shared by the Keycloaks of one build, all started with the same options: the
     *     first to start from a fresh distribution leaves there what start-dev built for those options, and the next
     *     fresh ones start from it instead of building again (about 25 s of a two-core machine each, measured as
     *     47-53 s for a first start against 23-24 s for a restart in the same directory); null: none
     */
    public KeycloakServer(Path runDir, int port, int managementPort, boolean throwaway, Path buildCache) {
        this(runDir, port, managementPort, throwaway, buildCache, "http://localhost:" + port);
    }

    /**
     * @param publicUrl the address its clients reach it at, when not its own port (a {@link TcpGate} in front): the
     *     pinned hostname, so the issuer and every URL of its discovery document name that address
     */
    public KeycloakServer(Path runDir, int port, int managementPort, boolean throwaway, Path buildCache,
            String publicUrl) {
        this.publicUrl = publicUrl;
        this.dir = runDir.resolve("keycloak");
        this.port = port;
        this.managementPort = managementPort;
        this.throwaway = throwaway;
        this.builtLib = buildCache == null ? null
                : buildCache.resolve("keycloak-" + Artifacts.keycloakVersion() + "-" + buildOptionsKey() + "-lib-quarkus");
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port, managementPort);
    }

    @Override
    public String address() {
        return url() + "/admin (" + ADMIN_USER + " / " + ADMIN_PASSWORD + ")";
    }

    /** The address its clients use: its own port, or the one given as its public URL. */
    public String url() {
        return publicUrl;
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofMinutes(5); // the first start re-augments the distribution
    }

    @Override
    public Launch prepare() throws IOException {
        Path home = install();
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/territoires-realm.json")) {
            Files.copy(realm, imports.resolve("territoires-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path java = Jdks.atLeast(21).orElse(Jdks.current());
        List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=" + url(),
                "--http-management-port=" + managementPort));
        command.addAll(buildOptions());
        return new Launch(command,
                Map.of("JAVA_HOME", java.toString(),
                        "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
                home);
    }

    /**
     * The options start-dev builds itself for (the others are read at each start): the same options give the same
     * {@code lib/quarkus}, so they name the kept build.
     */
    private List<String> buildOptions() {
        return List.of("--health-enabled=true", "--metrics-enabled=true", "--import-realm",
                "--db=" + (throwaway ? "dev-mem" : "dev-file"));
    }

    private String buildOptionsKey() {
        return Dirs.shortHash(String.join(" ", buildOptions()));
    }

    /**
     * The first fresh start of a build leaves its lib/quarkus for the next ones (copied, then renamed at once);
     * once it is there, a start that began from it or came later keeps nothing.
     */
    @Override
    public void afterReady() throws IOException {
        if (builtLib == null || Files.isDirectory(builtLib)) {
            return;
        }
        Files.createDirectories(builtLib.getParent());
        Path tmp = Files.createTempDirectory(builtLib.getParent(), "keycloak-lib-");
        try {
            Dirs.copyRecursively(home().resolve("lib/quarkus"), tmp);
            Files.move(tmp, builtLib, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM of the build kept its own first, or the disk refused: the next fresh start builds again.
            Dirs.deleteRecursively(tmp);
        }
    }

    @Override
    public boolean isReady() {
        return Http.status("http://127.0.0.1:" + managementPort + "/health/ready") == 200
                && Http.status("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration") == 200;
    }

    /** The unpacked distribution of this run directory. */
    private Path home() {
        return dir.resolve("keycloak-" + Artifacts.keycloakVersion());
    }

    /** One unpacked distribution per run directory: start-dev rewrites its own files. */
    private Path install() throws IOException {
        Path home = home();
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path tmp = Files.createTempDirectory(Files.createDirectories(dir), "unpack-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Artifacts.keycloakZip()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = tmp.resolve(entry.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path unpacked = tmp.resolve("keycloak-" + Artifacts.keycloakVersion());
        if (builtLib != null && Files.isDirectory(builtLib)) {
            Path lib = unpacked.resolve("lib/quarkus");
            Dirs.deleteRecursively(lib);
            Dirs.copyRecursively(builtLib, lib);
        }
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        Dirs.deleteRecursively(tmp);
        return home;
    }
}
