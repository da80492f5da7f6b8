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

    /** @param throwaway an in-memory database (tests) instead of a file kept across restarts */
    public KeycloakServer(Path runDir, int port, int managementPort, boolean throwaway) {
        this.dir = runDir.resolve("keycloak");
        this.port = port;
        this.managementPort = managementPort;
        this.throwaway = throwaway;
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

    public String url() {
        return "http://localhost:" + port;
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
        return new Launch(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=" + url(),
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--metrics-enabled=true",
                "--import-realm",
                "--db=" + (throwaway ? "dev-mem" : "dev-file")),
                Map.of("JAVA_HOME", java.toString(),
                        "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
                home);
    }

    @Override
    public boolean isReady() {
        return Http.status("http://127.0.0.1:" + managementPort + "/health/ready") == 200
                && Http.status("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration") == 200;
    }

    /** One unpacked distribution per run directory: start-dev rewrites its own files. */
    private Path install() throws IOException {
        Path home = dir.resolve("keycloak-" + Artifacts.keycloakVersion());
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
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        Dirs.deleteRecursively(tmp);
        return home;
    }
}
