package fr.territoires.funding.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A territory's project asking one or several envelopes for money. */
@Entity
@Table(name = "application")
public class Application {

    public enum Status { DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, WITHDRAWN }

    @Id
    public UUID id;

    @Column(name = "territory_code", nullable = false)
    public String territoryCode;

    @Column(name = "action_sheet_id")
    public Long actionSheetId;

    @Column(name = "owner_siret", nullable = false)
    public String ownerSiret;

    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    /** A local authority funds at least 20% of the cost itself (décret 2018-514). */
    @Column(name = "owner_local_authority", nullable = false)
    public boolean ownerLocalAuthority;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "eligible_cost", nullable = false, precision = 15, scale = 2)
    public BigDecimal eligibleCost;

    @Column(name = "jobs_created", nullable = false)
    public int jobsCreated;

    @Column(name = "jobs_kept", nullable = false)
    public int jobsKept;

    @Column(name = "private_investment", nullable = false, precision = 15, scale = 2)
    public BigDecimal privateInvestment = BigDecimal.ZERO;

    /** Recruitment needs (recruitment-service ids) the project serves. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "recruitment_needs", nullable = false, columnDefinition = "text[]")
    public String[] recruitmentNeeds = {};

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Set when the territory left the programme while the application was open. */
    @Column(name = "territory_left", nullable = false)
    public boolean territoryLeft;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean open() {
        return status == Status.DRAFT || status == Status.SUBMITTED || status == Status.UNDER_REVIEW;
    }
}
