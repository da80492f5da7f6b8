package fr.territoires.registry.profile;

import fr.territoires.events.territory.TerritoryUpdatedV1;
import java.math.BigDecimal;
import java.util.List;

/** A territory's industrial profile as the API and territory.updated.v1 show it. */
public record ProfileView(String code, BigDecimal industrialJobsShare, Integer industrialEstablishments,
        Integer referenceYear, String source, List<Company> keyCompanies, Long version) {

    public record Company(String siren, String name) {
    }

    static ProfileView of(String code, IndustrialProfile p, List<KeyCompany> companies) {
        List<Company> list = companies.stream().map(c -> new Company(c.siren, c.name)).toList();
        return p == null ? new ProfileView(code, null, null, null, null, list, null)
                : new ProfileView(code, p.industrialJobsShare, p.industrialEstablishments, p.referenceYear, p.source,
                        list, p.version);
    }

    TerritoryUpdatedV1.IndustrialProfile event() {
        return new TerritoryUpdatedV1.IndustrialProfile(industrialJobsShare, industrialEstablishments, referenceYear,
                keyCompanies.stream().map(c -> new TerritoryUpdatedV1.KeyCompany(c.siren(), c.name())).toList());
    }
}
