package fr.territoires.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prometheus and promtool, from Debian's {@code prometheus} package: the build's rule tests and
 * {@code ./platform up --monitoring} use them. When they are missing and the process runs as root
 * (build machines, CI), the package is installed by the project's install script; otherwise the caller is told which
 * package to install.
 */
public final class PrometheusBinaries {

    /** The Debian package that ships both binaries. */
    public static final String PACKAGE = "prometheus";
    /** The project's one way to install a Debian package (also the root POM's {@code package.install}). */
    private static final String INSTALL_SCRIPT = "/packages/install.sh";

    private PrometheusBinaries() {
    }

    /** The binary ({@code prometheus} or {@code promtool}) on the PATH or in /usr/bin, if any. */
    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** True when this process may install Debian packages itself. */
    public static boolean canInstall() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"));
    }

    /**
     * The binary, installing the Debian package first when it is missing and this process is root.
     *
     * @throws StackException when it is missing and cannot be installed, with what to do.
     */
    public static synchronized Path require(String name) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        if (!canInstall()) {
            throw new StackException(name + " not found: install Debian's '" + PACKAGE
                    + "' package (apt-get install " + PACKAGE + "), or run as root to let the build install it");
        }
        install();
        return find(name).orElseThrow(() -> new StackException(
                "apt-get installed '" + PACKAGE + "' but " + name + " is still not on the PATH"));
    }

    /** The package installed by the project's install script, read from the classpath and run by sh. */
    private static void install() {
        String described = INSTALL_SCRIPT + " " + PACKAGE;
        try (var script = PrometheusBinaries.class.getResourceAsStream(INSTALL_SCRIPT)) {
            if (script == null) {
                throw new StackException(INSTALL_SCRIPT + " is missing from platform-stack's classpath");
            }
            Process process = new ProcessBuilder("sh", "-c", new String(script.readAllBytes(), StandardCharsets.UTF_8),
                    "install.sh", PACKAGE, "--no-install-recommends").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new StackException(described + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new StackException(described + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(described + " interrupted");
        }
    }
}
