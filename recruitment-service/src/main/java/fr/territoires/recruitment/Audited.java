package fr.territoires.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** When and by whom a record last changed, and its version (the ETag clients send back in If-Match). */
@MappedSuperclass
public abstract class Audited {

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;

    public void editedBy(String actor) {
        updatedAt = OffsetDateTime.now();
        updatedBy = actor;
    }
}
