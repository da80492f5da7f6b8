package fr.territoires.gateway.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A territory's dashboard from the parts the services answered: the registry's profile (with the
 * perimeter's summary), funding by priority, recruitment this month and its shortage jobs. A part
 * that could not be had is null and named in {@code missing} with the reason, so a service being
 * down costs its part only. Plain composition, no I/O.
 *
 * <p>Each part's JSON is checked (read to its end, nothing kept) and then written as it came, byte for byte: the
 * dashboard is never parsed into a tree and written again (issue #16, measured as a fifth of the gateway's CPU
 * per dashboard). A body that is not one JSON value is a part the service could not give.
 */
public final class TerritoryDashboard {

    /** What a territory code may hold, so that it goes into the JSON as it is. */
    public static final Pattern CODE = Pattern.compile("ti-[0-9A-Za-z-]+");

    private static final JsonFactory JSON = new JsonFactory();

    /** One service's answer: its HTTP status (0 when it did not answer) and body (its bytes, JSON expected). */
    public record Part(String name, String service, int status, byte[] body) {

        boolean answered() {
            return status >= 200 && status < 300 && isOneJsonValue(body);
        }

        String reason() {
            return switch (status) {
                case 0 -> "unavailable";
                case 401, 403 -> "not allowed for your role or scope";
                case 404 -> "not known to " + service;
                default -> status >= 200 && status < 300 ? "unreadable answer"
                        : status >= 500 ? "unavailable" : "refused (" + status + ")";
            };
        }
    }

    private TerritoryDashboard() {
    }

    /**
     * The dashboard's JSON: {@code code}, each part under its name ({@code a.b} nests {@code b} in {@code a}, the
     * parts of one group given one after another), then {@code missing}.
     */
    public static byte[] compose(String code, List<Part> parts) {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a territory code: " + code);
        }
        int size = 256;
        for (Part part : parts) {
            size += part.body() == null ? 0 : part.body().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        List<Part> missing = new ArrayList<>();
        write(out, "{\"code\":\"" + code + "\"");
        String group = null;
        for (Part part : parts) {
            String[] path = part.name().split("\\.");
            if (group != null && (path.length == 1 || !path[0].equals(group))) {
                write(out, "}");
                group = null;
            }
            if (path.length > 1 && group == null) {
                write(out, ",\"" + path[0] + "\":{");
                group = path[0];
            } else {
                write(out, ",");
            }
            write(out, "\"" + path[path.length - 1] + "\":");
            if (part.answered()) {
                out.writeBytes(part.body());
            } else {
                write(out, "null");
                missing.add(part);
            }
        }
        if (group != null) {
            write(out, "}");
        }
        write(out, ",\"missing\":");
        writeMissing(out, missing);
        write(out, "}");
        return out.toByteArray();
    }

    private static void writeMissing(ByteArrayOutputStream out, List<Part> missing) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Part part : missing) {
                g.writeStartObject();
                g.writeStringField("part", part.name());
                g.writeStringField("service", part.service());
                g.writeStringField("reason", part.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code body} holds exactly one JSON value (read through with a streaming parser, no tree built). */
    static boolean isOneJsonValue(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
