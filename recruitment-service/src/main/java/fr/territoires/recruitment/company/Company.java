package fr.territoires.recruitment.company;

import fr.territoires.recruitment.Audited;
import fr.territoires.recruitment.access.AccessRules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An establishment (SIRET) that declares recruitment needs, in a labelled territory. */
@Entity
@Table(name = "company")
public class Company extends Audited {

    /** Headcount bands of the company (INSEE categories: micro, SME, intermediate, large). */
    public enum SizeBand {
        /** 0 to 9 employees. */
        MICRO,
        /** 10 to 49. */
        SMALL,
        /** 50 to 249. */
        MEDIUM,
        /** 250 to 4,999 (ETI). */
        INTERMEDIATE,
        /** 5,000 and more. */
        LARGE
    }

    @Id
    public String siret;

    @Column(nullable = false, updatable = false)
    public String siren;

    @Column(nullable = false)
    public String name;

    @Column(name = "naf_code", nullable = false)
    public String nafCode;

    /** INSEE code of the establishment's commune. */
    @Column(nullable = false)
    public String commune;

    /** The labelled territory the commune lay in when the company was registered or last moved. */
    @Column(name = "territory_code", nullable = false)
    public String territoryCode;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_band", nullable = false)
    public SizeBand sizeBand;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public AccessRules.Holder holder() {
        return new AccessRules.Holder(siren, territoryCode, region);
    }
}
