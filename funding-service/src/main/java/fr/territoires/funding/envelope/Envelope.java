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

/** Money a funder sets aside for the programme, capped by its commitment ceiling (AE). */
@Entity
@Table(name = "envelope")
public class Envelope {

    public enum Funder { STATE_ANCT, REGION, BPIFRANCE, BANQUE_DES_TERRITOIRES, EU_FEDER, ADEME, OTHER }

    public enum Priority { RECRUIT, INNOVATE, ATTRACT, SIMPLIFY }

    public enum Status { OPEN, FROZEN, CLOSED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Funder funder;

    /** INSEE region code, for a Region's envelope only. */
    @Column(length = 2)
    public String region;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Priority priority;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal ceiling;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

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
        return e;
    }
}
