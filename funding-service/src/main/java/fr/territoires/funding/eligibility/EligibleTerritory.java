package fr.territoires.funding.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** funding-service's replica of a territory, from territory events; never edited through the API. */
@Entity
@Table(name = "eligible_territory")
public class EligibleTerritory {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public boolean pilot;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] epcis = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] communes = new String[0];

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "last_event_id", nullable = false)
    public String lastEventId;

    /** The regions its communes lie in (INSEE codes, sorted), derived from the département of each commune. */
    public java.util.List<String> regions() {
        return java.util.Arrays.stream(communes).map(fr.territoires.commons.codes.Departements::regionOfCommune)
                .flatMap(java.util.Optional::stream).distinct().sorted().toList();
    }

    /** Labelled territories may apply for funding; candidates and those that left may not. */
    public boolean eligible() {
        return "LABELLED".equals(status);
    }
}
