package fr.territoires.registry.territory;

import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The date a territory was labelled in each of its phases. Recorded once per phase, the first
 * time the territory is labelled with that phase; never moved by later changes.
 */
@ApplicationScoped
public class PhaseLabels {

    public record Label(String phase, LocalDate labelledOn) {
    }

    /** For a labelled territory, dates its phases that have none: from {@code dates}, else {@code fallback}. */
    public Uni<Territory> recordMissing(Territory t, Map<String, LocalDate> dates, LocalDate fallback) {
        if (t.status != TerritoryStatus.LABELLED) {
            return Uni.createFrom().item(t);
        }
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String phase : t.phases) {
                chain = chain.chain(() -> session.createNativeQuery("""
                        INSERT INTO territory_label (territory_code, phase, labelled_on) VALUES (:code, :phase, :date)
                        ON CONFLICT (territory_code, phase) DO NOTHING""")
                        .setParameter("code", t.code).setParameter("phase", phase)
                        .setParameter("date", dates.getOrDefault(phase, fallback)).executeUpdate());
            }
            return chain;
        }).replaceWith(t);
    }

    /** In the caller's session. */
    public Uni<List<Label>> of(String code) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT phase, labelled_on FROM territory_label WHERE territory_code = :code ORDER BY phase", Object[].class)
                .setParameter("code", code).getResultList())
                .map(rows -> rows.stream().map(r -> new Label((String) r[0], (LocalDate) r[1])).toList());
    }
}
