package fr.territoires.commons.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per log record, on one line: {@code timestamp}, {@code level}, {@code loggerName},
 * {@code message}, {@code threadName}, {@code mdc} (traceId, spanId, correlationId…) and
 * {@code stackTrace}. Written by hand rather than with JBoss LogManager's JsonFormatter: the
 * log manager sits on the packaged application's boot class path, where JSON-P is not visible, so
 * that formatter failed on every record and the service printed nothing at all in the k8s profile
 * (found by JsonLogsAtBootIT; a test JVM's flat class path hid it).
 */
public final class JsonLineFormatter extends ExtFormatter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Override
    public String format(ExtLogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "timestamp", TIMESTAMP.format(record.getInstant().atZone(ZoneId.systemDefault()))).append(',');
        field(json, "level", record.getLevel().getName()).append(',');
        field(json, "loggerName", record.getLoggerName()).append(',');
        field(json, "message", record.getFormattedMessage()).append(',');
        field(json, "threadName", record.getThreadName()).append(',');
        json.append("\"mdc\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(record.getMdcCopy()).entrySet()) {
            if (!first) {
                json.append(',');
            }
            field(json, e.getKey(), e.getValue());
            first = false;
        }
        json.append('}');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            json.append(',');
            field(json, "stackTrace", trace.toString());
        }
        return json.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        string(json, name).append(':');
        return value == null ? json.append("null") : string(json, value);
    }

    private static StringBuilder string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
