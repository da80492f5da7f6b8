package fr.territoires.registry.entry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, String> {
}
