package fr.territoires.backbone;

/** CloudEvents 1.0 Kafka binary-mode header names (DESIGN.md §3). */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /**
     * The CloudEvents {@code sequence} extension: the event's number among its key's events on its
     * topic, 1, 2, 3… in commit order, without gaps; written zero-padded to {@value #SEQUENCE_DIGITS}
     * digits so that it orders as a string too, as the extension requires.
     */
    public static final String SEQUENCE = "ce_sequence";
    public static final int SEQUENCE_DIGITS = 19;
    /**
     * The CloudEvents distributed-tracing extension: the W3C traceparent of the span that wrote the
     * event, so that its consumers (and partners) continue the trace.
     */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    /** Not a CloudEvents attribute: the request that caused the event, for tracing. */
    public static final String CORRELATION_ID = "correlation_id";

    private CloudEventHeaders() {
    }

    /** A sequence number as the {@code ce_sequence} header carries it. */
    public static String sequence(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("a sequence number starts at 1: " + sequence);
        }
        return String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    /** The source of every event a service publishes. */
    public static String source(String service) {
        return "/territoires/" + service;
    }
}
