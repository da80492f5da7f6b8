package fr.territoires.backbone.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.commons.tracing.TraceIds;
import fr.territoires.events.EventSchemas;
import fr.territoires.events.EventType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CloudEvent read from Kafka and checked: headers, JSON payload, and schema when its type is known.
 * {@code sequence} is the event's number among its key's events on its topic ({@code ce_sequence}),
 * absent from events published before it existed. {@code traceparent} is the W3C trace context of
 * the span that wrote it ({@code ce_traceparent}), null when absent or malformed (never a reason to
 * refuse an event).
 */
public record ReceivedEvent(String id, String source, String type, Instant time, String subject, String key,
        String topic, int partition, long offset, Long sequence, JsonNode payload, String traceparent) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and checks a Kafka record; lists every problem at once when it is not a valid event. */
    public static ReceivedEvent parse(String topic, int partition, long offset, String key, Map<String, String> headers,
            String value) throws MalformedEventException {
        List<String> problems = new ArrayList<>();
        String id = required(headers, CloudEventHeaders.ID, problems);
        String source = required(headers, CloudEventHeaders.SOURCE, problems);
        String type = required(headers, CloudEventHeaders.TYPE, problems);
        String subject = headers.get(CloudEventHeaders.SUBJECT);
        String spec = headers.get(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(spec)) {
            problems.add(CloudEventHeaders.SPEC_VERSION + " must be 1.0, was " + spec);
        }
        Instant time = null;
        String rawTime = headers.get(CloudEventHeaders.TIME);
        if (rawTime != null) {
            try {
                time = Instant.parse(rawTime);
            } catch (DateTimeParseException e) {
                problems.add(CloudEventHeaders.TIME + " is not an RFC 3339 time: " + rawTime);
            }
        }
        Long sequence = null;
        String rawSequence = headers.get(CloudEventHeaders.SEQUENCE);
        if (rawSequence != null) {
            try {
                sequence = Long.parseLong(rawSequence);
                if (sequence < 1) {
                    problems.add(CloudEventHeaders.SEQUENCE + " must be at least 1, was " + rawSequence);
                }
            } catch (NumberFormatException e) {
                problems.add(CloudEventHeaders.SEQUENCE + " is not a decimal number: " + rawSequence);
            }
        }
        if (subject != null && key != null && !subject.equals(key)) {
            problems.add(CloudEventHeaders.SUBJECT + " (" + subject + ") differs from the Kafka key (" + key + ")");
        }
        JsonNode payload = null;
        try {
            payload = value == null ? null : JSON.readTree(value);
            if (payload == null || !payload.isObject()) {
                problems.add("the value is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            problems.add("the value is not JSON: " + e.getOriginalMessage());
        }
        if (payload != null && payload.isObject() && type != null) {
            JsonNode body = payload;
            EventType.of(type).ifPresent(t -> EventSchemas.violations(t, body)
                    .forEach(v -> problems.add("breaks the schema of " + t.type() + ": " + v)));
        }
        if (!problems.isEmpty()) {
            throw new MalformedEventException(problems);
        }
        String traceparent = TraceIds.parse(headers.get(CloudEventHeaders.TRACEPARENT))
                .flatMap(TraceIds::traceparent).orElse(null);
        return new ReceivedEvent(id, source, type, time, subject, key, topic, partition, offset, sequence, payload,
                traceparent);
    }

    private static String required(Map<String, String> headers, String name, List<String> problems) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            problems.add("header " + name + " is missing");
        }
        return value;
    }

    /** The payload as its Java type. */
    public <T> T payload(Class<T> type) {
        try {
            return JSON.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PermanentEventFailure("payload does not map to " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
