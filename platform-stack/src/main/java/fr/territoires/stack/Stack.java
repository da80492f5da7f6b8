package fr.territoires.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts, stops and reports components in one run directory: {@code run/<name>.pid} records the
 * process we started (PID and start instant), {@code logs/<name>.log} receives its output.
 */
public final class Stack {

    public enum State { READY, STARTING, STOPPED }

    private final Path runDir;
    private final Consumer<String> out;

    public Stack(Path runDir, Consumer<String> out) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.out = out;
    }

    public Path runDir() {
        return runDir;
    }

    public Path logFile(Component c) {
        return runDir.resolve("logs").resolve(c.name() + ".log");
    }

    private Path pidFile(Component c) {
        return runDir.resolve("run").resolve(c.name() + ".pid");
    }

    public Optional<OsProcesses.Tracked> running(Component c) {
        return OsProcesses.Tracked.read(pidFile(c)).filter(OsProcesses.Tracked::isAlive);
    }

    public State state(Component c) {
        if (running(c).isEmpty()) {
            return State.STOPPED;
        }
        return c.isReady() ? State.READY : State.STARTING;
    }

    /**
     * Starts the components that do not run yet, all at once, and waits until each is ready.
     * A component already running (by its PID file) is left alone, so a second start adds nothing.
     */
    public void start(List<? extends Component> components) {
        Map<Component, Long> launched = new LinkedHashMap<>();
        for (Component c : components) {
            if (running(c).isPresent()) {
                out.accept(String.format("  %-20s already running (pid %d)", c.name(), running(c).get().pid()));
                continue;
            }
            for (int port : c.ports()) {
                OsProcesses.listenerOf(port).ifPresent(who -> {
                    throw new StackException("Port " + port + " needed by " + c.name() + " is already in use by "
                            + who + ". Stop that process, or choose another port (see README, \"Ports\").");
                });
            }
        }
        for (Component c : components) {
            if (running(c).isPresent()) {
                continue;
            }
            try {
                Component.Launch launch = c.prepare();
                Files.createDirectories(logFile(c).getParent());
                Files.writeString(logFile(c), "");
                OsProcesses.Tracked tracked = OsProcesses.startDetached(launch.command(), launch.env(),
                        launch.workDir(), logFile(c));
                tracked.write(pidFile(c));
                launched.put(c, System.nanoTime());
                out.accept(String.format("  %-20s started (pid %d), log %s", c.name(), tracked.pid(),
                        runDir.relativize(logFile(c))));
            } catch (IOException | RuntimeException e) {
                stop(List.copyOf(launched.keySet()));
                throw new StackException("Could not start " + c.name() + ": " + e.getMessage());
            }
        }
        awaitReady(launched);
    }

    /** Waits for each launched component (with its launch instant) to be ready, or stops them all. */
    private void awaitReady(Map<Component, Long> launchedAt) {
        List<Component> launched = List.copyOf(launchedAt.keySet());
        Map<Component, Long> pending = new LinkedHashMap<>(launchedAt);
        long lastReport = System.nanoTime();
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext();) {
                var entry = it.next();
                Component c = entry.getKey();
                double seconds = (System.nanoTime() - entry.getValue()) / 1e9;
                if (running(c).isEmpty()) {
                    String tail = tail(logFile(c), 15);
                    stop(launched);
                    throw new StackException(c.name() + " exited during start-up. Last lines of "
                            + logFile(c) + ":\n" + tail);
                }
                if (c.isReady()) {
                    try {
                        c.afterReady();
                    } catch (IOException e) {
                        stop(launched);
                        throw new StackException(c.name() + " is up but could not be set up: " + e.getMessage());
                    }
                    out.accept(String.format("  %-20s ready in %.1f s", c.name(), seconds));
                    it.remove();
                } else if (seconds > c.startTimeout().toSeconds()) {
                    String tail = tail(logFile(c), 15);
                    stop(launched);
                    throw new StackException(c.name() + " was not ready after " + c.startTimeout().toSeconds()
                            + " s. Last lines of " + logFile(c) + ":\n" + tail);
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                    lastReport = System.nanoTime();
                    out.accept("  … waiting for " + String.join(", ", pending.keySet().stream().map(Component::name).toList()));
                }
                OsProcesses.sleep(300);
            }
        }
    }

    /** Stops the given components in reverse order; each only if the process we started still runs. */
    public void stop(List<? extends Component> components) {
        for (int i = components.size() - 1; i >= 0; i--) {
            Component c = components.get(i);
            Optional<OsProcesses.Tracked> tracked = running(c);
            if (tracked.isPresent()) {
                OsProcesses.stopGroup(tracked.get().pid(), c.stopSignal(), Duration.ofSeconds(20));
                out.accept(String.format("  %-20s stopped (pid %d)", c.name(), tracked.get().pid()));
            }
            try {
                Files.deleteIfExists(pidFile(c));
            } catch (IOException e) {
                // a stale PID file is harmless: the start instant no longer matches
            }
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }
}
