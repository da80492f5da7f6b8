package fr.territoires.commons.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The official reference extracts a service keeps under {@code reference/} in its resources (rebuilt
 * by its {@code reference-data} script): semicolon-separated UTF-8 with a header line, gzipped when
 * large. Read once at start-up.
 */
public final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /** Opens {@code reference/<name>} from the classpath of {@code owner}, unzipping {@code .gz} files. */
    public static InputStream open(Class<?> owner, String name) throws IOException {
        InputStream in = owner.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IOException("reference/" + name + " is missing from the classpath");
        }
        return name.endsWith(".gz") ? new GZIPInputStream(in, 65_536) : in;
    }

    /** Each data line, split on ';' (empty fields kept), after the header. */
    public static void rows(Class<?> owner, String name, Consumer<String[]> row) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(owner, name), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    row.accept(line.split(";", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading reference/" + name, e);
        }
    }

    /** The first line of a small text file, such as {@code SOURCE} (which package versions the data comes from). */
    public static String firstLine(Class<?> owner, String name) {
        try (InputStream in = open(owner, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("reading reference/" + name, e);
        }
    }
}
