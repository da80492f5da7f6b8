package fr.territoires.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prometheus and promtool, from Debian's {@code prometheus} package: the build's rule tests and
 * {@code ./platform up --monitoring} use them. When they are missing and the process runs as root
 * (build machines, CI), the package is installed with apt-get; otherwise the caller is told which
 * package to install.
 */
public final class PrometheusBinaries {

    /** The Debian package that ships both binaries. */
    public static final String PACKAGE = "prometheus";
    /** The lock every package install of the build takes first (the root POM's {@code apt.lock}). */
    static final String APT_LOCK = "/var/lock/territoires-apt.lock";

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
        apt("update", "-qq");
        apt("install", "-y", "-qq", "--no-install-recommends", PACKAGE);
        return find(name).orElseThrow(() -> new StackException(
                "apt-get installed '" + PACKAGE + "' but " + name + " is still not on the PATH"));
    }

    /**
     * apt-get behind the build's own lock (the root POM's {@code apt.lock}: web-console installs Chromium in a
     * parallel module), waiting for dpkg's lock too when another program holds it.
     */
    private static void apt(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("flock", "-w", "900", APT_LOCK, "apt-get", "-o",
                "DPkg::Lock::Timeout=600"));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new StackException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new StackException(String.join(" ", command) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(String.join(" ", command) + " interrupted");
        }
    }
}
