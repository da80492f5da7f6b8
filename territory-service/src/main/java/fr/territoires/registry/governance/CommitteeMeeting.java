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

/** A meeting of the territory's local project committee or of the regional steering committee. */
@Entity
@Table(name = "committee_meeting")
public class CommitteeMeeting {

    public enum Committee {
        /** Comité de projet, co-chaired by the binôme (comité de suivi once the contract is signed). */
        LOCAL_PROJECT,
        /** Regional committee chaired by the Region: approves contracts and perimeter changes. */
        REGIONAL_STEERING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "territory_code", nullable = false)
    public String territoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Committee committee;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    public String place;

    @Column(name = "chaired_by")
    public String chairedBy;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] decisions = {};

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
