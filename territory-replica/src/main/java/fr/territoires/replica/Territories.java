package fr.territoires.replica;

import fr.territoires.commons.codes.Departements;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads of the territory replica, in the caller's session, as of a date (the perimeter in force that day). */
@ApplicationScoped
public class Territories {

    /** Each territory's code with {@code cur.communes}, its perimeter's communes in force on {@code :d}. */
    private static final String CODES_WITH_COMMUNES_IN_FORCE = """
            SELECT t.code FROM territory t
            JOIN LATERAL (SELECT p.communes FROM territory_perimeter p
                          WHERE p.territory_code = t.code AND p.effective_on <= :d
                          ORDER BY p.effective_on DESC LIMIT 1) cur ON TRUE
            """;


    /** A territory as the replica holds it on a date: its perimeter then. */
    public record Known(String code, String name, String status, boolean pilot, List<String> epcis,
            List<String> communes) {

        /** Labelled territories take part in the programme (apply for funding, host companies); others do not. */
        public boolean labelled() {
            return "LABELLED".equals(status);
        }

        /** The regions its communes lie in (INSEE codes, sorted), from the département of each commune. */
        public List<String> regions() {
            return communes.stream().map(Departements::regionOfCommune).flatMap(Optional::stream).distinct().sorted()
                    .toList();
        }
    }

    private static final String CURRENT = """
            SELECT t.code, t.name, t.status, t.pilot,
                   coalesce(array_to_string(cur.epcis, ','), ''), coalesce(array_to_string(cur.communes, ','), '')
            FROM territory t
            LEFT JOIN LATERAL (SELECT p.epcis, p.communes FROM territory_perimeter p
                               WHERE p.territory_code = t.code AND p.effective_on <= :d
                               ORDER BY p.effective_on DESC LIMIT 1) cur ON TRUE
            """;

    /** The labelled territories whose perimeter holds the commune on that date, by code. */
    public Uni<List<String>> labelledContaining(String commune, LocalDate on) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CODES_WITH_COMMUNES_IN_FORCE + """
                WHERE t.status = 'LABELLED' AND :commune = ANY (cur.communes)
                ORDER BY t.code""", String.class)
                .setParameter("d", on).setParameter("commune", commune).getResultList());
    }

    /**
     * The labelled territories whose perimeter holds any of these communes on that date, by code, in
     * one query: what a writer of many communes' records locks before it writes (Outbox.lockKeys).
     */
    public Uni<List<String>> labelledContainingAny(java.util.Collection<String> communes, LocalDate on) {
        if (communes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(CODES_WITH_COMMUNES_IN_FORCE + """
                WHERE t.status = 'LABELLED' AND cur.communes && string_to_array(:communes, ',')
                ORDER BY t.code""", String.class)
                .setParameter("d", on).setParameter("communes", String.join(",", communes)).getResultList());
    }

    /**
     * One territory, read through {@link #find(java.util.Collection, LocalDate)}: with its list parameter the
     * query is planned at each call and never enters Hibernate's query plan cache. A native query of
     * {@code Object[]} rows with only single-valued parameters adds a plan to that cache at EVERY call (Hibernate
     * 7.2: its result mapping is resolved, hence changed, after the plan is cached, so the next call no longer
     * finds it), which filled the cache (2,048 plans under one hash) and made every lookup walk them
     * (docs/benchmarks.md, #16). This read runs at every access check of funding and recruitment.
     */
    public Uni<Optional<Known>> find(String code, LocalDate on) {
        return find(List.of(code), on).map(found -> Optional.ofNullable(found.get(code)));
    }

    /** These territories as the replica knows them on that date, by code (unknown codes are left out). */
    public Uni<Map<String, Known>> find(java.util.Collection<String> codes, LocalDate on) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(CURRENT + " WHERE t.code IN (:codes)", Object[].class)
                .setParameter("d", on).setParameter("codes", List.copyOf(codes)).getResultList())
                .map(rows -> rows.stream().map(Territories::known).collect(Collectors.toMap(Known::code, k -> k)));
    }

    /**
     * The codes of the territories with a commune in this region on that date (by the communes'
     * départements), in one query: what a Region's officer sees.
     */
    public Uni<List<String>> inRegion(String region, LocalDate on) {
        List<String> departements = Departements.ofRegion(region);
        if (departements.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // A commune's département: its first two characters, three overseas (97x), as Departements.ofCommune.
        return Panache.getSession().chain(s -> s.createNativeQuery(CODES_WITH_COMMUNES_IN_FORCE + """
                WHERE EXISTS (SELECT 1 FROM unnest(cur.communes) AS c
                              WHERE CASE WHEN c LIKE '97%' THEN left(c, 3) ELSE left(c, 2) END
                                    = ANY (string_to_array(:departements, ',')))
                ORDER BY t.code""", String.class)
                .setParameter("d", on).setParameter("departements", String.join(",", departements)).getResultList());
    }

    /** Every territory the replica knows, as of that date, by code. */
    public Uni<List<Known>> all(LocalDate on) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CURRENT + " ORDER BY t.code", Object[].class)
                .setParameter("d", on).getResultList())
                .map(rows -> rows.stream().map(Territories::known).toList());
    }

    /** Names of the territories with these codes (unknown codes are left out). */
    public Uni<Map<String, String>> names(java.util.Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT code, name FROM territory WHERE code IN (:codes)", Object[].class)
                .setParameter("codes", List.copyOf(codes)).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1])));
    }

    public Uni<Page<Known>> page(LocalDate on, PageRequest request) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CURRENT + " ORDER BY t.code", Object[].class)
                .setParameter("d", on).setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                .chain(rows -> s.createNativeQuery("SELECT count(*) FROM territory", Long.class).getSingleResult()
                        .map(total -> Page.of(rows.stream().map(Territories::known).toList(), request, total))));
    }

    private static Known known(Object[] r) {
        return new Known((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], split((String) r[4]),
                split((String) r[5]));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
