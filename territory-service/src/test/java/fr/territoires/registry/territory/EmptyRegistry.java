package fr.territoires.registry.territory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Empties the registry in the current transaction, dependants first, for tests that read whole lists. */
final class EmptyRegistry {

    private static final List<String> TABLES = List.of("key_company", "industrial_profile", "governance",
            "committee_meeting", "contract_document", "action_sheet", "industrial_site", "territory_epci",
            "perimeter_change", "territory_label", "territory");

    private EmptyRegistry() {
    }

    static Uni<Void> delete() {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String table : TABLES) {
                chain = chain.chain(() -> s.createNativeQuery("DELETE FROM " + table).executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }
}
