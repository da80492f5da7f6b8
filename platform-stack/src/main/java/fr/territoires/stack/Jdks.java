package fr.territoires.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version (Keycloak 26 wants 21+; this one runs on 17). */
final class Jdks {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    /** The newest JDK that is at least {@code minimum}: JAVA_HOME, the running one, /usr/lib/jvm/*. */
    static Optional<Path> atLeast(int minimum) {
        Stream<Path> candidates = Stream.concat(
                Stream.of(System.getenv("TI_KEYCLOAK_JAVA_HOME"), System.getenv("JAVA_HOME"))
                        .filter(s -> s != null && !s.isBlank()).map(Path::of),
                Stream.concat(Stream.of(current()), listJvmDir()));
        return candidates.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                .filter(p -> feature(p) >= minimum)
                .max(Comparator.comparingInt(Jdks::feature));
    }

    private static Stream<Path> listJvmDir() {
        try {
            return Files.list(Path.of("/usr/lib/jvm")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    static int feature(Path javaHome) {
        try {
            Matcher m = VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return javaHome.equals(current()) ? Runtime.version().feature() : 0;
        }
    }
}
