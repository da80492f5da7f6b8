package fr.territoires.registry.site;

import fr.territoires.registry.audit.Edited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Land or a brownfield that a territory offers to investors, in a commune of its perimeter. */
@Entity
@Table(name = "industrial_site")
public class IndustrialSite extends Edited {

    public enum Status {
        AVAILABLE, UNDER_STUDY, TAKEN
    }

    /** What reaches the site. */
    public enum Service {
        RAIL, WATER, POWER, GAS, FIBRE, MOTORWAY, PORT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "territory_code", nullable = false, updatable = false)
    public String territoryCode;

    @Column(nullable = false)
    public String name;

    /** INSEE code of the commune. */
    @Column(nullable = false)
    public String commune;

    @Column(name = "area_hectares", nullable = false, precision = 10, scale = 2)
    public BigDecimal areaHectares;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** A friche: former industrial land to be reused. */
    @Column(nullable = false)
    public boolean brownfield;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] services = {};

    public String description;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
