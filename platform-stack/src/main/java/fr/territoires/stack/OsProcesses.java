package fr.territoires.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Linux process plumbing: detached process groups, PID files that survive PID reuse, and who
 * holds a port. Every component runs in its own session (setsid), so that stopping its group also
 * stops what it forked (kc.sh forks java; the postmaster forks backends).
 */
public final class OsProcesses {

    private OsProcesses() {
    }

    /** A process we started: its PID (also its process-group id) and its start instant. */
    public record Tracked(long pid, Instant started) {

        public static Optional<Tracked> read(Path pidFile) {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            try {
                String[] parts = Files.readString(pidFile).trim().split("\\s+");
                return Optional.of(new Tracked(Long.parseLong(parts[0]),
                        parts.length > 1 ? Instant.parse(parts[1]) : Instant.EPOCH));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        public void write(Path pidFile) {
            try {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, pid + " " + started + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Running and still the same process (a recycled PID has another start instant). */
        public boolean isAlive() {
            return ProcessHandle.of(pid)
                    .filter(h -> isRunning(h.pid()))
                    .map(h -> h.info().startInstant().map(s -> sameSecond(s, started)).orElse(true))
                    .orElse(false);
        }

        private static boolean sameSecond(Instant a, Instant b) {
            return Math.abs(a.getEpochSecond() - b.getEpochSecond()) <= 1;
        }
    }

    /** Starts a command in a new session, stdin from /dev/null, stdout and stderr appended to log. */
    public static Tracked startDetached(List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process process = pb.start();
        Instant started = process.info().startInstant().orElse(Instant.now());
        return new Tracked(process.pid(), started);
    }

    /** Runs a command to completion, failing with its output when it exits non-zero. */
    public static String run(List<String> command, Map<String, String> env, Path workDir, Duration timeout)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    /**
     * Stops a process group: the first signal to the leader (which shuts down its own children
     * cleanly), then TERM to the whole group, then KILL to whatever is left after the grace period.
     */
    public static void stopGroup(long pgid, String firstSignal, Duration grace) {
        signal("-" + firstSignal, String.valueOf(pgid));
        long deadline = System.nanoTime() + grace.toNanos();
        boolean termSent = false;
        while (System.nanoTime() < deadline && groupAlive(pgid)) {
            if (!termSent && System.nanoTime() > deadline - grace.toNanos() / 2) {
                signal("-TERM", "-" + pgid);
                termSent = true;
            }
            sleep(100);
        }
        if (groupAlive(pgid)) {
            signal("-KILL", "-" + pgid);
            long killDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (groupAlive(pgid) && System.nanoTime() < killDeadline) {
                sleep(50);
            }
        }
    }

    private static void signal(String signal, String target) {
        try {
            new ProcessBuilder("kill", signal, "--", target).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a process runs: not gone and not a zombie. A dead component whose parent has exited
     * is reparented to init, which may never reap it; ProcessHandle.isAlive() still says true then.
     */
    public static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether any live (non-zombie) process belongs to this process group. */
    public static boolean groupAlive(long pgid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            String stat = Files.readString(p.resolve("stat"));
                            // Fields after the command name (which may contain spaces) in parentheses.
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            return !"Z".equals(f[0]) && Long.parseLong(f[2]) == pgid;
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    });
        } catch (IOException e) {
            return ProcessHandle.of(pgid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nobody listens on right now (for test infrastructure). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Who listens on a TCP port, as "pid 123 (command line)", read from /proc, or "an unknown
     * process" when the socket belongs to another user or namespace.
     */
    public static Optional<String> listenerOf(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].contains(":") && "0A".equals(f[3])) {
                        int localPort = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                        if (localPort == port) {
                            inodes.add(f[9]);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // table absent (no IPv6): nothing to read there
            }
        }
        if (inodes.isEmpty()) {
            return isListening("127.0.0.1", port) ? Optional.of("an unknown process") : Optional.empty();
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    for (Path fd : (Iterable<Path>) fds::iterator) {
                        String target = Files.readSymbolicLink(fd).toString();
                        for (String inode : inodes) {
                            if (target.equals("socket:[" + inode + "]")) {
                                return Optional.of("pid " + proc.getFileName() + " (" + commandLine(proc) + ")");
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // process gone or not ours to read
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return Optional.of("an unknown process");
    }

    private static String commandLine(Path proc) throws IOException {
        String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ').trim();
        return cmd.length() > 120 ? cmd.substring(0, 117) + "..." : cmd;
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
