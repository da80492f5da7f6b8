package fr.territoires.registry.actionsheet;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ActionSheetRepository implements PanacheRepositoryBase<ActionSheet, Long> {

    /** A territory's sheets, filtered by priority and status when given, in creation order. */
    public PanacheQuery<ActionSheet> ofTerritory(String code, ActionSheet.Priority priority, ActionSheet.Status status) {
        StringBuilder query = new StringBuilder("territoryCode = :code");
        Parameters params = Parameters.with("code", code);
        if (priority != null) {
            query.append(" and priority = :priority");
            params.and("priority", priority);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query + " order by id", params);
    }
}
