package fr.territoires.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The distributions Maven resolved for this module, located in the local Maven repository. */
final class Artifacts {

    private static final Properties PROPS = load();

    private Artifacts() {
    }

    static String keycloakVersion() {
        return PROPS.getProperty("keycloak.version");
    }

    static Path keycloakZip() {
        return existing("keycloak.zip");
    }

    static String postgresVersion() {
        return PROPS.getProperty("postgres.version");
    }

    static Path postgresBinariesJar() {
        return existing("postgres.binaries.jar");
    }

    /** Kafka broker classpath, as Maven resolved it. */
    static String kafkaClasspath() {
        try (InputStream in = Artifacts.class.getResourceAsStream("/stack/kafka.classpath")) {
            if (in == null) {
                throw new IllegalStateException("stack/kafka.classpath missing: build platform-stack with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String key) {
        String value = PROPS.getProperty(key, "");
        if (value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(key + " was not resolved at build time: build platform-stack with Maven");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(key + " not found at " + path
                    + ": run ./mvnw -DskipTests package to download it again");
        }
        return path;
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream("/stack/artifacts.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
