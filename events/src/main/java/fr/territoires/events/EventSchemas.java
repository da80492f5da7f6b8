package fr.territoires.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates payloads against the JSON Schema of their event type. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<EventType, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema violations of a payload, empty when it conforms. */
    public static List<String> violations(EventType type, JsonNode payload) {
        return schema(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The schema document itself, as JSON. */
    public static JsonNode schemaDocument(EventType type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaPath())) {
            if (in == null) {
                throw new IllegalStateException("no schema at " + type.schemaPath() + " for " + type.type());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(EventType type) {
        return CACHE.computeIfAbsent(type, t -> FACTORY.getSchema(schemaDocument(t)));
    }
}
