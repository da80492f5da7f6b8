package fr.territoires.commons.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logmanager.LogContext;

/**
 * Switches the console to JSON when {@code platform.log.json} is set (profile {@code k8s}), before
 * the application's own start-up work. The lines Quarkus writes while booting, before this, stay text.
 */
@ApplicationScoped
public class JsonLogSwitch {

    void switchAtStart(@Observes @Priority(1) StartupEvent event, LogConfig config) {
        if (config.json()) {
            JsonLogs.useOnConsole(LogContext.getLogContext().getLogger("").getHandlers());
        }
    }
}
