package fr.territoires.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * File locations. PostgreSQL refuses to run as root, so as root its binaries and data live under
 * /var/tmp (which every user can traverse) and belong to an unprivileged user.
 */
final class Dirs {

    private Dirs() {
    }

    /** Shared cache of unpacked distributions. */
    static Path cache() throws IOException {
        Path dir = OsProcesses.isRoot()
                ? Path.of("/var/tmp/territoires-platform")
                : Path.of(System.getProperty("user.home"), ".cache", "territoires-platform");
        Files.createDirectories(dir);
        if (OsProcesses.isRoot()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }

    /** PostgreSQL data directory of a run directory, reachable by the unprivileged user. */
    static Path postgresData(Path runDir) throws IOException {
        if (!OsProcesses.isRoot()) {
            return runDir.resolve("postgres").resolve("data");
        }
        Path parent = cache().resolve("pgdata");
        Files.createDirectories(parent);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return parent.resolve(shortHash(runDir.toAbsolutePath().normalize().toString()));
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Copies a folder's files and subfolders into {@code target} (created; files already there replaced). */
    static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
