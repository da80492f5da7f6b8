package fr.territoires.recruitment.need;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RecruitmentNeedRepository implements PanacheRepositoryBase<RecruitmentNeed, UUID> {

    /** One page of needs, by territory, job code, then id (stable across pages). */
    public Uni<Page<RecruitmentNeed>> page(PageRequest request) {
        var query = findAll(Sort.by("territoryCode").and("romeCode").and("id")).page(request.page(), request.size());
        return query.list().flatMap(items -> query.count().map(total -> Page.of(items, request, total)));
    }
}
