package fr.territoires.registry.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A signed document of the territory's contract: the protocole d'accord, the contrat, an avenant. */
@Entity
@Table(name = "contract_document")
public class ContractDocument {

    public enum Kind {
        PROTOCOLE_ACCORD, CONTRAT, AVENANT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "territory_code", nullable = false)
    public String territoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String reference;

    @Column(nullable = false)
    public String title;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] signatories = {};

    public String summary;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
