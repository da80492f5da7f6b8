package fr.territoires.backbone.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.commons.logging.JsonLineFormatter;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

/**
 * A running application with {@code platform.log.json} (what the k8s profile sets, see JsonLogsTest
 * in platform-commons): once started, its console handlers write JSON, one object per line.
 */
@QuarkusTest
@TestProfile(JsonLogsInApplicationTest.JsonConsole.class)
class JsonLogsInApplicationTest {

    public static class JsonConsole implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(RealInfrastructure.class, Map.of("database", BackboneTestApp.DATABASE,
                            "dedicatedKafka", BackboneTestApp.BROKER)),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.log.json", "true");
        }
    }

    @Test
    void theConsoleWritesOneJsonObjectPerLineWithTheTrace() throws Exception {
        List<Handler> consoles = new ArrayList<>();
        collectConsoles(LogContext.getLogContext().getLogger("").getHandlers(), consoles);
        assertFalse(consoles.isEmpty(), "the application logs to the console");
        for (Handler console : consoles) {
            assertInstanceOf(JsonLineFormatter.class, console.getFormatter());
        }
        MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Dependency unavailable on /x: \"quoted\"",
                    JsonLogsInApplicationTest.class.getName());
            record.setLoggerName("fr.territoires.test");
            String line = consoles.get(0).getFormatter().format(record);
            assertEquals(1, line.split("\n").length);
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals("Dependency unavailable on /x: \"quoted\"", json.path("message").asText());
            assertEquals("0af7651916cd43dd8448eb211c80319c", json.path("mdc").path("traceId").asText());
        } finally {
            MDC.remove("traceId");
        }
    }

    private static void collectConsoles(Handler[] handlers, List<Handler> found) {
        for (Handler h : handlers) {
            if (h.getClass().getName().equals("org.jboss.logmanager.handlers.ConsoleHandler")) {
                found.add(h);
            }
            if (h instanceof ExtHandler ext) {
                collectConsoles(ext.getHandlers(), found);
            }
        }
    }
}
