package fr.territoires.recruitment.need;

import fr.territoires.recruitment.access.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecruitmentNeedRepository implements PanacheRepositoryBase<RecruitmentNeed, UUID> {

    /** The needs a caller may see that match the search, by territory, job code, then id (stable across pages). */
    public PanacheQuery<RecruitmentNeed> visible(Visibility visibility, NeedSearch search) {
        Parameters params = new Parameters();
        String condition = visibility.condition(params) + " and " + search.condition(params);
        return find(condition + " order by territoryCode, romeCode, id", params);
    }

    /** Open needs whose deadline is before {@code today}, locked until the transaction ends. */
    public Uni<List<RecruitmentNeed>> dueForExpiry(LocalDate today) {
        return find("status in (:open) and deadline < :today order by id",
                Parameters.with("open", List.of(RecruitmentNeed.Status.OPEN, RecruitmentNeed.Status.PARTIALLY_FILLED))
                        .and("today", today))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
