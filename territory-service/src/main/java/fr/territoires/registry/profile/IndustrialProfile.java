package fr.territoires.registry.profile;

import fr.territoires.registry.audit.Edited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A territory's industrial figures, with the year and source they come from. */
@Entity
@Table(name = "industrial_profile")
public class IndustrialProfile extends Edited {

    @Id
    @Column(name = "territory_code")
    public String territoryCode;

    /** Share of the territory's jobs that are in industry, in percent. */
    @Column(name = "industrial_jobs_share", precision = 5, scale = 2)
    public BigDecimal industrialJobsShare;

    @Column(name = "industrial_establishments")
    public Integer industrialEstablishments;

    @Column(name = "reference_year")
    public Integer referenceYear;

    public String source;
}
