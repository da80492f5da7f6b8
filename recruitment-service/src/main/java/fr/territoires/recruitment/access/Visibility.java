package fr.territoires.recruitment.access;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The companies and needs a caller may list: all, or those in its regions, territories or SIRENs. */
public record Visibility(boolean all, Set<String> regions, Set<String> territories, Set<String> sirens) {

    public static final Visibility ALL = new Visibility(true, Set.of(), Set.of(), Set.of());

    public boolean none() {
        return !all && regions.isEmpty() && territories.isEmpty() && sirens.isEmpty();
    }

    /**
     * A JPQL condition on an entity with {@code region}, {@code territoryCode} and {@code siren}, its
     * parameters added to {@code params}; "true" when everything is visible.
     */
    public String condition(Parameters params) {
        if (all) {
            return "1 = 1";
        }
        List<String> parts = new ArrayList<>();
        if (!regions.isEmpty()) {
            parts.add("region in :visibleRegions");
            params.and("visibleRegions", List.copyOf(regions));
        }
        if (!territories.isEmpty()) {
            parts.add("territoryCode in :visibleTerritories");
            params.and("visibleTerritories", List.copyOf(territories));
        }
        if (!sirens.isEmpty()) {
            parts.add("siren in :visibleSirens");
            params.and("visibleSirens", List.copyOf(sirens));
        }
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")";
    }
}
