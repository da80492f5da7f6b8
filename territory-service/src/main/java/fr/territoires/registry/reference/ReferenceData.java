package fr.territoires.registry.reference;

import fr.territoires.commons.reference.ReferenceFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The official administrative divisions (communes, EPCIs, départements, regions) from the extract
 * of @etalab/decoupage-administratif in {@code reference/} (see reference-data/README.md). Read
 * once at start-up, immutable, about 35,000 communes in memory.
 */
@Startup
@ApplicationScoped
public class ReferenceData {

    /** A code and its official name, as the API shows départements, regions, EPCIs. */
    public record Named(String code, String name) {
    }

    /**
     * What a set of EPCIs covers: their communes (sorted), population, départements and regions
     * (by code). The one place where a perimeter's derived data is computed.
     */
    public record Coverage(List<String> communes, long population, List<Named> departements, List<Named> regions) {
    }

    public record Region(String code, String name) {
    }

    public record Departement(String code, String name, String region) {
    }

    /** @param epci SIREN of its EPCI, or null for the few communes outside any */
    public record Commune(String code, String name, String departement, String region, String epci, int population) {
    }

    /** @param departements and {@code regions}: where its communes are (an EPCI may straddle two) */
    public record Epci(String siren, String name, String type, int population, List<String> communes,
            java.util.Set<String> departements, java.util.Set<String> regions) {
    }

    private final Map<String, Commune> communes = new HashMap<>(50_000);
    private final Map<String, Epci> epcis = new HashMap<>(2_000);
    private final Map<String, Departement> departements = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final String source;

    public ReferenceData() {
        Map<String, List<String>> members = new HashMap<>();
        read("communes.csv.gz", f -> {
            Commune c = new Commune(f[0], f[1], f[2], f[3], f[4].isEmpty() ? null : f[4],
                    f[5].isEmpty() ? 0 : Integer.parseInt(f[5]));
            communes.put(c.code(), c);
            if (c.epci() != null) {
                members.computeIfAbsent(c.epci(), k -> new ArrayList<>()).add(c.code());
            }
        });
        read("epcis.csv.gz", f -> {
            List<String> codes = List.copyOf(members.getOrDefault(f[0], List.of()));
            epcis.put(f[0], new Epci(f[0], f[1], f[2], f[3].isEmpty() ? 0 : Integer.parseInt(f[3]), codes,
                    java.util.Set.copyOf(codes.stream().map(c -> communes.get(c).departement()).toList()),
                    java.util.Set.copyOf(codes.stream().map(c -> communes.get(c).region()).toList())));
        });
        read("departements.csv", f -> departements.put(f[0], new Departement(f[0], f[1], f[2])));
        read("regions.csv", f -> regions.put(f[0], new Region(f[0], f[1])));
        source = ReferenceFiles.firstLine(ReferenceData.class, "SOURCE");
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(communes.get(code));
    }

    public Optional<Epci> epci(String siren) {
        return Optional.ofNullable(epcis.get(siren));
    }

    public Optional<Departement> departement(String code) {
        return Optional.ofNullable(departements.get(code));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Coverage coverage(java.util.Collection<String> epciSirens) {
        List<String> codes = new ArrayList<>();
        java.util.TreeSet<String> departementCodes = new java.util.TreeSet<>();
        java.util.TreeSet<String> regionCodes = new java.util.TreeSet<>();
        for (String siren : epciSirens) {
            epci(siren).ifPresent(e -> {
                codes.addAll(e.communes());
                departementCodes.addAll(e.departements());
                regionCodes.addAll(e.regions());
            });
        }
        codes.sort(null);
        long population = codes.stream().mapToLong(c -> communes.get(c).population()).sum();
        return new Coverage(List.copyOf(codes), population,
                departementCodes.stream().filter(departements::containsKey).map(d -> new Named(d, departements.get(d).name())).toList(),
                regionCodes.stream().filter(regions::containsKey).map(r -> new Named(r, regions.get(r).name())).toList());
    }

    public Map<String, Epci> epcis() {
        return Collections.unmodifiableMap(epcis);
    }

    public int communeCount() {
        return communes.size();
    }

    /** Which package version the data comes from, e.g. "@etalab/decoupage-administratif 6.0.0". */
    public String source() {
        return source;
    }

    private static void read(String name, Consumer<String[]> row) {
        ReferenceFiles.rows(ReferenceData.class, name, row);
    }
}
