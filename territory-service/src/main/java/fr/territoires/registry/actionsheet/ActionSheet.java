package fr.territoires.registry.actionsheet;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An action sheet (fiche action): one project of a territory's contract. */
@Entity
@Table(name = "action_sheet")
public class ActionSheet extends Edited {

    /** The programme's four priorities. */
    public enum Priority {
        RECRUIT, INNOVATE, ATTRACT, SIMPLIFY
    }

    public enum Status {
        IDEA, IN_PROGRESS, DONE, ABANDONED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "territory_code", nullable = false, updatable = false)
    public String territoryCode;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    public String description;

    /** Who carries the project (an EPCI, a company, a training body…). */
    @Column(nullable = false)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "planned_budget", precision = 15, scale = 2)
    public BigDecimal plannedBudget;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] indicators = {};

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
