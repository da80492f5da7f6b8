package fr.territoires.commons.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.DelayedHandler;
import org.junit.jupiter.api.Test;

class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theK8sProfileAsksForJsonAndNoOtherDoes() {
        assertTrue(json("k8s"));
        assertTrue(json("prod,k8s"));
        assertFalse(json("prod"));
        assertFalse(json("test"));
    }

    /** platform.log.json (LogConfig) as the platform's defaults set it under these profiles. */
    private static boolean json(String profiles) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfiles(List.of(profiles.split(","))).addDefaultSources().addDefaultInterceptors().build();
        return config.getOptionalValue("platform.log.json", Boolean.class).orElse(false);
    }

    @Test
    void consoleHandlersBehindDelegatingHandlersWriteOneJsonObjectPerLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleHandler console = new ConsoleHandler(new PatternFormatter("%s%n"));
        console.setOutputStream(out);
        DelayedHandler delayed = new DelayedHandler();
        delayed.setHandlers(new java.util.logging.Handler[] { console });
        delayed.setCloseChildren(false);

        assertEquals(1, JsonLogs.useOnConsole(delayed));

        MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
        MDC.put("spanId", "b7ad6b7169203331");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "Event \"%s\" applied\non two lines",
                    ExtLogRecord.FormatStyle.PRINTF, JsonLogsTest.class.getName());
            record.setParameters(new Object[] { "ti-4420" });
            record.setLoggerName("fr.territoires.test");
            console.publish(record);
            ExtLogRecord failure = new ExtLogRecord(Level.SEVERE, "It failed", JsonLogsTest.class.getName());
            failure.setLoggerName("fr.territoires.test");
            failure.setThrown(new IllegalStateException("boom"));
            console.publish(failure);
            console.flush();
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("Event \"ti-4420\" applied\non two lines", first.path("message").asText());
        assertEquals("INFO", first.path("level").asText());
        assertEquals("fr.territoires.test", first.path("loggerName").asText());
        assertEquals("0af7651916cd43dd8448eb211c80319c", first.path("mdc").path("traceId").asText());
        assertEquals("b7ad6b7169203331", first.path("mdc").path("spanId").asText());
        assertTrue(first.hasNonNull("timestamp"));
        JsonNode second = JSON.readTree(lines[1]);
        assertTrue(second.path("stackTrace").asText().contains("IllegalStateException: boom"), lines[1]);
    }
}
