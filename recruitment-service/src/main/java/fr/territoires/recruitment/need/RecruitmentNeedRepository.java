package fr.territoires.recruitment.need;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RecruitmentNeedRepository implements PanacheRepositoryBase<RecruitmentNeed, UUID> {

    /** One page of needs, by territory, job code, then id (stable across pages). */
    public Uni<Page<RecruitmentNeed>> page(PageRequest request) {
        return Pages.read(findAll(Sort.by("territoryCode").and("romeCode").and("id")), request);
    }
}
