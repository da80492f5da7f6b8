package fr.territoires.funding.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A payment on a commitment, or the reversal (clawback) of one: recorded, never deleted. */
@Entity
@Table(name = "payment")
public class Payment {

    public enum Kind { ADVANCE, INSTALMENT, BALANCE, REVERSAL }

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal amount;

    /** The payment a reversal takes back. */
    public UUID reverses;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    public String reason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
