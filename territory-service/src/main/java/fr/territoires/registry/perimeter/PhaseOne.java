package fr.territoires.registry.perimeter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 1 of the programme (2019-2022) as ANCT published it: a closed list, read-only, whose codes
 * are phase-1 codes (ANCT reused many of them for other places in phase 2). Its perimeters hold from
 * 2019-01-01 to 2022-12-31 (see Phases); each territory may name its phase-2 successor.
 */
@ApplicationScoped
public class PhaseOne {

    /**
     * @param successor the phase-2 territory sharing most of its communes (null when none)
     * @param successors every phase-2 territory that continues it (several when it split), {@code successor} first
     * @param members SIRENs of its EPCIs, EPTs and single communes, as published
     */
    public record Territory(String code, String name, String successor, List<String> successors, List<String> members) {
    }

    private static final String SUCCESSORS = "(SELECT string_agg(s.successor_code, ' ' ORDER BY s.rank) "
            + "FROM phase1_successor s WHERE s.territory_code = t.code)";

    /** All of them, in code order. */
    @WithSession
    public Uni<List<Territory>> all() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT t.code, t.name, t.successor_code, m.siren, """ + SUCCESSORS + """
                 FROM phase1_territory t
                LEFT JOIN phase1_member m ON m.territory_code = t.code ORDER BY t.code, m.siren""", Object[].class)
                .getResultList()).map(PhaseOne::territories);
    }

    @WithSession
    public Uni<Optional<Territory>> find(String code) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT t.code, t.name, t.successor_code, m.siren, """ + SUCCESSORS + """
                 FROM phase1_territory t
                LEFT JOIN phase1_member m ON m.territory_code = t.code WHERE t.code = :code ORDER BY m.siren""",
                Object[].class).setParameter("code", code).getResultList())
                .map(rows -> territories(rows).stream().findFirst());
    }

    /** The phase-1 territory holding one of these members (the first SIREN that matches wins). */
    @WithSession
    public Uni<Optional<PerimeterService.Membership>> holding(List<String> sirens) {
        if (sirens.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT t.code, t.name, m.siren FROM phase1_member m JOIN phase1_territory t ON t.code = m.territory_code
                WHERE m.siren IN (:sirens)""", Object[].class).setParameter("sirens", sirens).getResultList())
                .map(rows -> sirens.stream()
                        .flatMap(siren -> rows.stream().filter(r -> siren.equals(r[2])))
                        .findFirst()
                        .map(r -> new PerimeterService.Membership((String) r[0], (String) r[1], "LABELLED")));
    }

    /** The phase-1 territories a phase-2 territory succeeds. */
    @WithSession
    public Uni<List<String>> predecessorsOf(String code) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT territory_code FROM phase1_successor WHERE successor_code = :code ORDER BY territory_code", String.class)
                .setParameter("code", code).getResultList());
    }

    private static List<Territory> territories(List<Object[]> rows) {
        Map<String, Territory> byCode = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Territory t = byCode.computeIfAbsent((String) r[0], code -> new Territory(code, (String) r[1], (String) r[2],
                    r[4] == null ? List.of() : List.of(((String) r[4]).split(" ")), new ArrayList<>()));
            if (r[3] != null) {
                t.members().add((String) r[3]);
            }
        }
        return byCode.values().stream()
                .map(t -> new Territory(t.code(), t.name(), t.successor(), t.successors(), List.copyOf(t.members()))).toList();
    }
}
