package fr.territoires.funding.eligibility;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EligibleTerritoryRepository implements PanacheRepositoryBase<EligibleTerritory, String> {
}
