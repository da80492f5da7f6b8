package fr.territoires.registry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * What every record edited through the API keeps: when and by whom it last changed, and its
 * version (the ETag clients send back in If-Match). Every change moves all three.
 */
@MappedSuperclass
public abstract class Edited {

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;

    /** Marks a change by {@code actor} now (which also makes the version move on flush). */
    public void editedBy(String actor) {
        updatedAt = OffsetDateTime.now();
        updatedBy = actor;
    }
}
