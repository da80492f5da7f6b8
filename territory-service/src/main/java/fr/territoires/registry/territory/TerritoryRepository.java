package fr.territoires.registry.territory;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, String> {

    /** One page of territories in code order (stable across pages). */
    public Uni<Page<Territory>> page(PageRequest request) {
        var query = findAll(Sort.by("code")).page(request.page(), request.size());
        return query.list().flatMap(items -> query.count().map(total -> Page.of(items, request, total)));
    }
}
