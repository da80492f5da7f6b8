package fr.territoires.backbone.deadletter;

import java.time.Instant;
import java.util.Map;

/** A message this service could not apply, as parked in its dead-letter topic and table. */
public record DeadLetter(long id, String consumer, String topic, int partition, long offset, String key,
        Map<String, String> headers, String payload, String errorClass, String errorMessage, int attempts,
        String status, Instant failedAt, Instant redrivenAt) {
}
