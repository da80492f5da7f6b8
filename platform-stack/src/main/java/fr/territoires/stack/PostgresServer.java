package fr.territoires.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real PostgreSQL server from the zonky binaries (a Maven artifact), run as its own process.
 * The superuser's password is generated once per data directory; the services connect as an
 * application role that owns one database per service.
 */
public final class PostgresServer implements Component {

    /** The advisory lock key under which the role and databases are made sure of (any constant of this class). */
    private static final long ROLE_AND_DATABASES_LOCK = 0x7469_726f_6c65L;

    /** Unprivileged user that runs PostgreSQL when we are root ("nobody" on Debian). */
    private static final String UNPRIVILEGED_ID = "65534";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path runDir;
    private final int port;
    private final String appUser;
    private final String appPassword;
    private final List<String> databases;
    private final boolean throwaway;

    /**
     * @param throwaway a fresh data directory at each start, with durability traded for speed
     *                  (for tests only)
     */
    public PostgresServer(Path runDir, int port, String appUser, String appPassword, List<String> databases,
            boolean throwaway) {
        this.runDir = runDir;
        this.port = port;
        this.appUser = requireIdentifier(appUser);
        this.appPassword = appPassword;
        this.databases = databases.stream().map(PostgresServer::requireIdentifier).toList();
        this.throwaway = throwaway;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public String stopSignal() {
        return "INT"; // fast shutdown: roll back open transactions, then stop
    }

    @Override
    public String address() {
        return "postgresql://localhost:" + port + " (user " + appUser + ")";
    }

    @Override
    public Launch prepare() throws IOException {
        Path bin = installBinaries();
        Path data = Dirs.postgresData(runDir);
        if (throwaway || !Files.exists(superuserPasswordFile())) {
            Dirs.deleteRecursively(data); // its superuser password is gone with the run directory
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb(bin, data);
        }
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=300", "-c", "shared_buffers=128MB"));
        if (throwaway) {
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        return new Launch(command, Map.of(), bin.getParent());
    }

    @Override
    public boolean isReady() {
        try (Connection ignored = superuserConnection("postgres")) {
            return true;
        } catch (SQLException | IOException e) {
            return false;
        }
    }

    @Override
    public void afterReady() throws IOException {
        ensureRoleAndDatabases(appUser, appPassword, databases);
    }

    /**
     * Creates the application role if missing and each database it owns; idempotent. Several processes do it at
     * once on one server (the build's test JVMs run two at a time): a session-level advisory lock makes them take
     * turns, since two ALTER ROLE of one role at once fail one of them ("tuple concurrently updated") and two
     * CREATE DATABASE of one name fail the second. The lock goes with the connection.
     */
    public void ensureRoleAndDatabases(String user, String password, List<String> names) throws IOException {
        requireIdentifier(user);
        try (Connection c = superuserConnection("postgres"); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + ROLE_AND_DATABASES_LOCK + ")");
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + user + " LOGIN CREATEDB PASSWORD " + quotedPassword);
            for (String db : names) {
                requireIdentifier(db);
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            st.execute("CREATE DATABASE " + db + " OWNER " + user);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create role/databases on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    private Connection superuserConnection(String db) throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db
                + "?connectTimeout=2&socketTimeout=10", "postgres", superuserPassword());
    }

    private Path superuserPasswordFile() {
        return runDir.resolve("postgres-superuser.password");
    }

    private String superuserPassword() throws IOException {
        return Files.readString(superuserPasswordFile()).trim();
    }

    private void initdb(Path bin, Path data) throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(runDir);
        Files.writeString(superuserPasswordFile(), password + "\n");
        // The password file must be readable by the server user during initdb only.
        Path pwfile = data.getParent().resolve(data.getFileName() + ".pw");
        Files.writeString(pwfile, password + "\n");
        try {
            if (OsProcesses.isRoot()) {
                OsProcesses.run(List.of("chown", "-R", UNPRIVILEGED_ID + ":" + UNPRIVILEGED_ID, data.toString(),
                        pwfile.toString()), Map.of(), bin, Duration.ofSeconds(30));
            }
            List<String> command = new ArrayList<>(asServerUser());
            command.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"));
            OsProcesses.run(command, Map.of(), bin, Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private static List<String> asServerUser() {
        return OsProcesses.isRoot()
                ? List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--")
                : List.of();
    }

    /** Unpacks the binaries once into the shared cache (atomically, so concurrent runs are safe). */
    private static Path installBinaries() throws IOException {
        Path target = Dirs.cache().resolve("postgres-" + Artifacts.postgresVersion());
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target.resolve("bin");
        }
        Path tmp = Files.createTempDirectory(Dirs.cache(), "postgres-unpack-");
        try {
            Path txz = tmp.resolve("postgres.txz");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Artifacts.postgresBinariesJar()))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().endsWith(".txz")) {
                        Files.copy(zip, txz, StandardCopyOption.REPLACE_EXISTING);
                        break;
                    }
                }
            }
            if (!Files.exists(txz)) {
                throw new IOException("no .txz inside " + Artifacts.postgresBinariesJar());
            }
            Path tree = tmp.resolve("tree");
            Files.createDirectories(tree);
            OsProcesses.run(List.of("tar", "-xJf", txz.toString(), "-C", tree.toString()), Map.of(), tmp,
                    Duration.ofMinutes(2));
            OsProcesses.run(List.of("chmod", "-R", "a+rX", tree.toString()), Map.of(), tmp, Duration.ofSeconds(30));
            try {
                Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    throw e; // another run did not win the race: a real failure
                }
            }
        } finally {
            Dirs.deleteRecursively(tmp);
        }
        return target.resolve("bin");
    }

    private static String requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }

}
