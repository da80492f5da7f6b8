package fr.territoires.recruitment.reference;

import fr.territoires.commons.reference.ReferenceFiles;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The official lists recruitment-service checks codes against, from the extract in {@code reference/}
 * (see reference-data/README.md): NAF rév. 2 subclasses and the communes with their département,
 * region and EPCI. Read once at start-up, immutable.
 *
 * <p>A {@code @Singleton}, never behind a client proxy: ArC builds a normal-scoped bean's proxy by calling this
 * class's constructor, which read the lists a second time and kept both copies (70,000 communes in the heap
 * instead of 35,000; issue #16, RSS).
 */
@Startup
@Singleton
public class ReferenceData {

    /** @param epci SIREN of its EPCI, or null for the few communes outside any */
    public record Commune(String code, String name, String departement, String region, String epci) {
    }

    private final Map<String, Commune> communes = new HashMap<>(50_000);
    private final Map<String, String> epcis = new HashMap<>(2_000);
    private final Map<String, String> departements = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final Map<String, String> naf = new HashMap<>(1_000);
    private final String source;

    public ReferenceData() {
        read("communes.csv.gz", f -> communes.put(f[0], new Commune(f[0], f[1], f[2], f[3], f[4].isEmpty() ? null : f[4])));
        read("epcis.csv.gz", f -> epcis.put(f[0], f[1]));
        read("departements.csv", f -> departements.put(f[0], f[1]));
        read("regions.csv", f -> regions.put(f[0], f[1]));
        read("naf.csv", f -> naf.put(f[0], f[1]));
        source = ReferenceFiles.firstLine(ReferenceData.class, "SOURCE");
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communes.get(code));
    }

    public Optional<String> epciName(String siren) {
        return Optional.ofNullable(siren == null ? null : epcis.get(siren));
    }

    public Optional<String> departementName(String code) {
        return Optional.ofNullable(code == null ? null : departements.get(code));
    }

    public Optional<String> regionName(String code) {
        return Optional.ofNullable(code == null ? null : regions.get(code));
    }

    /** The label of a NAF rév. 2 subclass such as 25.11Z; empty when the list has no such code. */
    public Optional<String> naf(String code) {
        return Optional.ofNullable(code == null ? null : naf.get(code));
    }

    public int nafCount() {
        return naf.size();
    }

    /** Which package versions the data comes from. */
    public String source() {
        return source;
    }

    private static void read(String name, Consumer<String[]> row) {
        ReferenceFiles.rows(ReferenceData.class, name, row);
    }
}
