package fr.territoires.funding.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** One envelope of an application's co-financing plan: what is asked, and what was approved. */
@Entity
@Table(name = "application_line")
@IdClass(ApplicationLine.Key.class)
public class ApplicationLine {

    public record Key(UUID applicationId, UUID envelopeId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    @Column(name = "envelope_id")
    public UUID envelopeId;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal requested;

    @Column(precision = 15, scale = 2)
    public BigDecimal approved;
}
