package fr.territoires.commons.logging;

import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;

/**
 * JSON log lines with {@link JsonLineFormatter} (the extension quarkus-logging-json cannot be built
 * here: its deployment artifact does not resolve). One object per line: timestamp, level,
 * loggerName, message, threadName, the MDC (traceId, spanId, correlationId…), and the stack trace
 * as one string field.
 */
public final class JsonLogs {

    static final String CONSOLE_HANDLER = "org.jboss.logmanager.handlers.ConsoleHandler";

    private JsonLogs() {
    }

    public static JsonLineFormatter formatter() {
        return new JsonLineFormatter();
    }

    /**
     * Gives every console handler among these handlers (and the handlers they delegate to, as
     * Quarkus's delayed and async handlers do) the JSON formatter; returns how many.
     */
    public static int useOnConsole(Handler... handlers) {
        int replaced = 0;
        for (Handler handler : handlers) {
            if (handler.getClass().getName().equals(CONSOLE_HANDLER)) {
                handler.setFormatter(formatter());
                replaced++;
            }
            if (handler instanceof ExtHandler ext) {
                replaced += useOnConsole(ext.getHandlers());
            }
        }
        return replaced;
    }
}
