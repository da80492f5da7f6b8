package fr.territoires.commons.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.LogContext;

/**
 * Switches the console to JSON when {@code platform.log.json} is set (profile {@code k8s}), from the
 * very first line: Quarkus attaches this filter to its console handler when it sets up logging
 * ({@code quarkus.log.console.filter}), before it writes the lines it kept from the boot, so that the
 * first record the console sees gives every console handler the JSON formatter before being written.
 * A logging filter is built by Quarkus's logging set-up with {@code @ConfigProperty} arguments only
 * (no {@code @ConfigMapping} there); the property is the one {@link LogConfig} documents.
 */
@LoggingFilter(name = "platform-json")
public final class JsonConsoleFilter implements Filter {

    private final boolean json;
    private volatile boolean switched;

    public JsonConsoleFilter(@ConfigProperty(name = "platform.log.json", defaultValue = "false") boolean json) {
        this.json = json;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (json && !switched) {
            switched = JsonLogs.useOnConsole(LogContext.getLogContext().getLogger("").getHandlers()) > 0;
        }
        return true;
    }
}
