package fr.territoires.backbone.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in (or kept by) the outbox. Written only through {@link Outbox}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The W3C traceparent of the span that wrote the event (ce_traceparent); null outside any trace. */
    @Column(name = "trace_parent")
    public String traceparent;

    /**
     * The event's number among its key's events on its topic (ce_sequence), drawn by the database
     * at insert under the key's lock (migration V2): never written by Java.
     */
    @Column(insertable = false, updatable = false)
    public Long sequence;

    @Column(name = "published_at", insertable = false, updatable = false)
    public OffsetDateTime publishedAt;
}
