package fr.territoires.funding.envelope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Money a funder sets aside for the programme, capped by its commitment ceiling (AE). Its
 * balances ({@code committed}, {@code paid}) move only through {@link EnvelopeBalances}, in the
 * transaction of the movement, next to a ledger entry; this entity reads them and opens envelopes.
 */
@Entity
@Table(name = "envelope")
public class Envelope {

    public enum Funder { STATE_ANCT, REGION, BPIFRANCE, BANQUE_DES_TERRITOIRES, EU_FEDER, ADEME, OTHER }

    public enum Priority { RECRUIT, INNOVATE, ATTRACT, SIMPLIFY }

    public enum Status { OPEN, FROZEN, CLOSED }

    /** Which territories may be funded: all, those of one region, or a list. */
    public enum Scope { NATIONAL, REGION, TERRITORIES }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Funder funder;

    /** INSEE region code, for a Region's envelope only. */
    @Column(length = 2)
    public String region;

    @Column(name = "funder_siret", length = 14)
    public String funderSiret;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Scope scope = Scope.NATIONAL;

    @Column(name = "scope_region", length = 2)
    public String scopeRegion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "scope_territories", nullable = false, columnDefinition = "text[]")
    public String[] scopeTerritories = {};

    @Column(name = "first_year", nullable = false)
    public int firstYear;

    @Column(name = "last_year", nullable = false)
    public int lastYear;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal ceiling;

    @Column(nullable = false, precision = 15, scale = 2, insertable = false, updatable = false)
    public BigDecimal committed = BigDecimal.ZERO;

    @Column(nullable = false, precision = 15, scale = 2, insertable = false, updatable = false)
    public BigDecimal paid = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Version
    public long version;

    public static Envelope open(Funder funder, String region, String name, Priority priority, BigDecimal ceiling) {
        Envelope e = new Envelope();
        e.id = UUID.randomUUID();
        e.funder = funder;
        e.region = region;
        e.name = name;
        e.priority = priority;
        e.ceiling = ceiling;
        e.status = Status.OPEN;
        e.firstYear = 2023;
        e.lastYear = 2027;
        e.openedBy = "test";
        return e;
    }

    public BigDecimal available() {
        return ceiling.subtract(committed);
    }
}
