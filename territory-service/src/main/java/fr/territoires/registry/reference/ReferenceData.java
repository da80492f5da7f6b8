package fr.territoires.registry.reference;

import fr.territoires.commons.reference.ReferenceFiles;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
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
 *
 * <p>A {@code @Singleton}, never behind a client proxy: ArC builds a normal-scoped bean's proxy by calling this
 * class's constructor, which read the lists a second time and kept both copies (70,000 communes in the heap
 * instead of 35,000; issue #16, RSS).
 */
@Startup
@Singleton
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

    /**
     * @param epci SIREN of its EPCI, or null for the few communes outside any
     * @param siren the commune's own SIREN (a territory may count a single commune as a member)
     */
    public record Commune(String code, String name, String departement, String region, String epci, int population,
            String siren) {
    }

    /**
     * A group of communes by its SIREN: an EPCI (type CC, CA, CU, METRO…), an EPT of the Métropole du
     * Grand Paris (type EPT) or a single commune (type COMMUNE) — the three kinds of member a
     * territory's perimeter may have.
     *
     * @param departements and {@code regions}: where its communes are (an EPCI may straddle two)
     */
    public record Epci(String siren, String name, String type, int population, List<String> communes,
            java.util.Set<String> departements, java.util.Set<String> regions) {
    }

    private final Map<String, Commune> communes = new HashMap<>(50_000);
    private final Map<String, Epci> epcis = new HashMap<>(2_000);
    /** EPTs and single communes by SIREN: members of a perimeter besides EPCIs. */
    private final Map<String, Epci> otherMembers = new HashMap<>(50_000);
    /** The EPT a commune of the Métropole du Grand Paris belongs to, by INSEE code. */
    private final Map<String, String> eptOf = new HashMap<>(200);
    private final Map<String, Departement> departements = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final String source;

    public ReferenceData() {
        Map<String, List<String>> members = new HashMap<>();
        read("communes.csv.gz", f -> {
            Commune c = new Commune(f[0], f[1], f[2], f[3], f[4].isEmpty() ? null : f[4],
                    f[5].isEmpty() ? 0 : Integer.parseInt(f[5]), f.length > 6 && !f[6].isEmpty() ? f[6] : null);
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
        read("epts.csv.gz", f -> {
            List<String> codes = List.of(f[2].split(" "));
            codes.forEach(code -> eptOf.put(code, f[0]));
            otherMembers.put(f[0], group(f[0], f[1], "EPT", codes));
        });
        for (Commune c : communes.values()) {
            if (c.siren() != null) {
                otherMembers.put(c.siren(), group(c.siren(), c.name(), "COMMUNE", List.of(c.code())));
            }
        }
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

    /** A perimeter's member by its SIREN: an EPCI, an EPT or a single commune. */
    public Optional<Epci> member(String siren) {
        Epci epci = epcis.get(siren);
        return Optional.ofNullable(epci != null ? epci : otherMembers.get(siren));
    }

    /**
     * The SIRENs that may hold a commune in a perimeter, most specific first: the commune itself, its
     * EPT (Métropole du Grand Paris), its EPCI.
     */
    public List<String> membersHolding(Commune commune) {
        List<String> sirens = new ArrayList<>(3);
        if (commune.siren() != null) {
            sirens.add(commune.siren());
        }
        if (eptOf.containsKey(commune.code())) {
            sirens.add(eptOf.get(commune.code()));
        }
        if (commune.epci() != null) {
            sirens.add(commune.epci());
        }
        return sirens;
    }

    private Epci group(String siren, String name, String type, List<String> codes) {
        List<Commune> members = codes.stream().map(communes::get).filter(java.util.Objects::nonNull).toList();
        return new Epci(siren, name, type, members.stream().mapToInt(Commune::population).sum(),
                members.stream().map(Commune::code).toList(),
                java.util.Set.copyOf(members.stream().map(Commune::departement).toList()),
                java.util.Set.copyOf(members.stream().map(Commune::region).toList()));
    }

    public Optional<Departement> departement(String code) {
        return Optional.ofNullable(departements.get(code));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    /** What these members (EPCIs, EPTs, single communes by SIREN) cover; a commune counts once. */
    public Coverage coverage(java.util.Collection<String> epciSirens) {
        List<String> codes = new ArrayList<>();
        java.util.TreeSet<String> departementCodes = new java.util.TreeSet<>();
        java.util.TreeSet<String> regionCodes = new java.util.TreeSet<>();
        for (String siren : epciSirens) {
            member(siren).ifPresent(e -> {
                codes.addAll(e.communes());
                departementCodes.addAll(e.departements());
                regionCodes.addAll(e.regions());
            });
        }
        List<String> distinct = new ArrayList<>(new java.util.TreeSet<>(codes));
        codes.clear();
        codes.addAll(distinct);
        long population = codes.stream().mapToLong(c -> communes.get(c).population()).sum();
        return new Coverage(List.copyOf(codes), population,
                departementCodes.stream().filter(departements::containsKey).map(d -> new Named(d, departements.get(d).name())).toList(),
                regionCodes.stream().filter(regions::containsKey).map(r -> new Named(r, regions.get(r).name())).toList());
    }

    /**
     * The communes of these members (EPCIs, EPTs, single communes by SIREN), sorted, each once: the
     * communes of {@link #coverage} without the rest, for the events of bulk loads (one array sort
     * instead of a tree of strings).
     */
    public List<String> communesOf(java.util.Collection<String> sirens) {
        int size = 0;
        List<List<String>> lists = new ArrayList<>(sirens.size());
        for (String siren : sirens) {
            Optional<Epci> m = member(siren);
            if (m.isPresent()) {
                lists.add(m.get().communes());
                size += m.get().communes().size();
            }
        }
        String[] all = new String[size];
        int n = 0;
        for (List<String> l : lists) {
            for (String c : l) {
                all[n++] = c;
            }
        }
        java.util.Arrays.sort(all);
        List<String> distinct = new ArrayList<>(size);
        for (String c : all) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(c)) {
                distinct.add(c);
            }
        }
        return List.copyOf(distinct);
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
