package fr.territoires.backbone;

/** CloudEvents 1.0 Kafka binary-mode header names (DESIGN.md §3). */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    /** Not a CloudEvents attribute: the request that caused the event, for tracing. */
    public static final String CORRELATION_ID = "correlation_id";

    private CloudEventHeaders() {
    }

    /** The source of every event a service publishes. */
    public static String source(String service) {
        return "/territoires/" + service;
    }
}
