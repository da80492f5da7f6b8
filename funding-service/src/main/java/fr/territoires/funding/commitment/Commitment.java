package fr.territoires.funding.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A legal commitment (AE consumed) of one envelope for one approved application. */
@Entity
@Table(name = "commitment")
public class Commitment {

    /** ACTIVE until its balance is paid (SETTLED) or it is wholly released (CANCELLED). */
    public enum Status { ACTIVE, SETTLED, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "envelope_id", nullable = false)
    public UUID envelopeId;

    @Column(name = "territory_code", nullable = false)
    public String territoryCode;

    @Column(name = "initial_amount", nullable = false, precision = 15, scale = 2)
    public BigDecimal initialAmount;

    /** What stays committed after decommitments. */
    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal paid = BigDecimal.ZERO;

    @Column(name = "committed_on", nullable = false)
    public LocalDate committedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Version
    public long version;

    public BigDecimal unpaid() {
        return amount.subtract(paid);
    }
}
