package fr.territoires.recruitment.need;

import fr.territoires.recruitment.Audited;
import fr.territoires.recruitment.access.AccessRules;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A company's need to hire for one job (ROME code) at one establishment. Where it is (territory,
 * commune, EPCI, département, region) is fixed when it is declared. No personal data.
 */
@Entity
@Table(name = "recruitment_need")
public class RecruitmentNeed extends Audited {

    public enum ContractType { CDI, CDD, TEMPORARY, APPRENTICESHIP, PROFESSIONALISATION, OTHER }

    /** The qualification of the job, as France Travail's job offers give it (codes 1 to 9). */
    public enum QualificationLevel {
        UNSKILLED_WORKER, SEMI_SKILLED_WORKER, SKILLED_WORKER, HIGHLY_SKILLED_WORKER, UNSKILLED_EMPLOYEE,
        SKILLED_EMPLOYEE, TECHNICIAN, SUPERVISOR, MANAGER
    }

    /** Why the company finds the hiring difficult (after the reasons of France Travail's BMO survey). */
    public enum DifficultyReason {
        CANDIDATE_SHORTAGE, SKILLS_MISMATCH, WORKING_CONDITIONS, JOB_IMAGE, LOCATION_OR_TRANSPORT, COMPETITION, OTHER
    }

    public enum Status {
        OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED;

        public boolean open() {
            return this == OPEN || this == PARTIALLY_FILLED;
        }
    }

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String siret;

    @Column(nullable = false, updatable = false)
    public String siren;

    @Column(name = "territory_code", nullable = false, updatable = false)
    public String territoryCode;

    /** INSEE code of the establishment's commune. */
    @Column(nullable = false, updatable = false)
    public String commune;

    @Column(nullable = false, updatable = false)
    public String departement;

    @Column(nullable = false, updatable = false)
    public String region;

    /** SIREN of the commune's EPCI, if it has one. */
    @Column(updatable = false)
    public String epci;

    @Column(name = "rome_code", nullable = false)
    public String romeCode;

    @Column(name = "job_title", nullable = false)
    public String jobTitle;

    @Column(nullable = false)
    public int headcount;

    @Column(name = "filled_count", nullable = false)
    public int filledCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType contractType;

    @Enumerated(EnumType.STRING)
    @Column(name = "qualification_level", nullable = false)
    public QualificationLevel qualificationLevel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] skills = {};

    @Column(name = "work_study", nullable = false)
    public boolean workStudy;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "hours_per_week", nullable = false, precision = 4, scale = 1)
    public BigDecimal hoursPerWeek;

    @Column(nullable = false)
    public boolean difficult;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "difficulty_reasons", nullable = false, columnDefinition = "text[]")
    public String[] difficultyReasons = {};

    @Column(name = "difficulty_comment")
    public String difficultyComment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "declared_on", nullable = false, updatable = false)
    public LocalDate declaredOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public int openPositions() {
        return status.open() ? headcount - filledCount : 0;
    }

    public AccessRules.Holder holder() {
        return new AccessRules.Holder(siren, territoryCode, region);
    }
}
