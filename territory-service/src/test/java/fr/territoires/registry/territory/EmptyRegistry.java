package fr.territoires.registry.territory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Empties the registry in the current transaction, dependants first, for tests that read whole lists. */
final class EmptyRegistry {

    private EmptyRegistry() {
    }

    static Uni<Void> delete() {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM territory_epci").executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM perimeter_change").executeUpdate())
                .chain(() -> s.createNativeQuery("DELETE FROM territory").executeUpdate()))
                .replaceWithVoid();
    }
}
