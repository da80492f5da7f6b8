package fr.territoires.registry.site;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<IndustrialSite, Long> {

    /** A territory's sites, filtered when given, in listing order. */
    public PanacheQuery<IndustrialSite> ofTerritory(String code, IndustrialSite.Status status, Boolean brownfield,
            BigDecimal minArea) {
        StringBuilder query = new StringBuilder("territoryCode = :code");
        Parameters params = Parameters.with("code", code);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (brownfield != null) {
            query.append(" and brownfield = :brownfield");
            params.and("brownfield", brownfield);
        }
        if (minArea != null) {
            query.append(" and areaHectares >= :minArea");
            params.and("minArea", minArea);
        }
        return find(query + " order by id", params);
    }
}
