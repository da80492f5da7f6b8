package fr.territoires.registry.territory;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, String> {

    /** One page of territories in code order (stable across pages). */
    public Uni<Page<Territory>> page(PageRequest request) {
        return Pages.read(findAll(Sort.by("code")), request);
    }
}
