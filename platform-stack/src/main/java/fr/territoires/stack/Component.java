package fr.territoires.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One process of the platform: how to prepare and launch it, and how to know it is ready. */
public interface Component {

    /** Short name, used for its PID file and log file. */
    String name();

    /** TCP ports it binds, checked before start so that a busy port gets a clear message. */
    List<Integer> ports();

    /** Prepares its files (extraction, init, config) and returns the command to run. */
    Launch prepare() throws IOException;

    /** One readiness probe; cheap, never throws. */
    boolean isReady();

    /** Runs once it is ready (e.g. creating databases). */
    default void afterReady() throws IOException {
    }

    /** The signal that asks its leader process for a clean shutdown. */
    default String stopSignal() {
        return "TERM";
    }

    /** Where a person reaches it, for the summary table. */
    String address();

    /** How long a cold start may take on this two-core machine. */
    default java.time.Duration startTimeout() {
        return java.time.Duration.ofSeconds(120);
    }

    record Launch(List<String> command, Map<String, String> env, Path workDir) {
    }
}
