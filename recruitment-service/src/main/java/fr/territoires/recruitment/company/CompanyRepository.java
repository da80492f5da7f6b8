package fr.territoires.recruitment.company;

import fr.territoires.recruitment.access.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, String> {

    /** The companies a caller may see, in a territory when given, by territory then SIRET. */
    public PanacheQuery<Company> visible(Visibility visibility, String territory) {
        Parameters params = new Parameters();
        StringBuilder query = new StringBuilder(visibility.condition(params));
        if (territory != null) {
            query.append(" and territoryCode = :territory");
            params.and("territory", territory);
        }
        return find(query + " order by territoryCode, siret", params);
    }
}
