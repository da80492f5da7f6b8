package fr.territoires.registry.entry;

import fr.territoires.registry.reference.Phases;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A territory of the programme, identified by its official code (`id_ti`). */
@Entity
@Table(name = "territory")
public class Territory {

    @Id
    @Column(length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TerritoryStatus status;

    @Column(nullable = false)
    public boolean pilot;

    /** Phases of the programme it belongs to: 2019-2022, 2023-2027. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] phases = {Phases.CURRENT};

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static Territory of(String code, String name, TerritoryStatus status, boolean pilot) {
        Territory t = new Territory();
        t.code = code;
        t.name = name;
        t.status = status;
        t.pilot = pilot;
        t.updatedAt = OffsetDateTime.now();
        return t;
    }
}
