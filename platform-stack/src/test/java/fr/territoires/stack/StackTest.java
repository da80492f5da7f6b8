package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start/stop protocol with small real processes standing in for components. */
class StackTest {

    @TempDir
    Path dir;

    private final List<String> out = new ArrayList<>();

    /** A process that becomes ready when it has written its marker file. */
    private record Sleeper(String name, Path marker, int port, String script) implements Component {

        Sleeper(String name, Path marker) {
            this(name, marker, OsProcesses.freePort(), "touch " + marker + "; exec sleep 300");
        }

        @Override
        public List<Integer> ports() {
            return List.of(port);
        }

        @Override
        public Launch prepare() {
            return new Launch(List.of("sh", "-c", script), Map.of(), marker.getParent());
        }

        @Override
        public boolean isReady() {
            return Files.exists(marker);
        }

        @Override
        public String address() {
            return "nowhere";
        }
    }

    @Test
    void aSecondStartStartsNoDuplicateAndStopStopsIt() {
        Stack stack = new Stack(dir, out::add);
        Sleeper sleeper = new Sleeper("sleeper", dir.resolve("ready"));
        stack.start(List.of(sleeper));
        long pid = stack.running(sleeper).orElseThrow().pid();
        assertEquals(Stack.State.READY, stack.state(sleeper));

        stack.start(List.of(sleeper));
        assertEquals(pid, stack.running(sleeper).orElseThrow().pid());
        assertTrue(out.stream().anyMatch(l -> l.contains("already running (pid " + pid + ")")), out.toString());

        stack.stop(List.of(sleeper));
        assertEquals(Stack.State.STOPPED, stack.state(sleeper));
    }

    @Test
    void aBusyPortIsRefusedNamingThePortAndItsHolder() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Sleeper sleeper = new Sleeper("sleeper", dir.resolve("ready"), taken.getLocalPort(), "exec sleep 300");
            StackException e = assertThrows(StackException.class, () -> new Stack(dir, out::add).start(List.of(sleeper)));
            assertTrue(e.getMessage().startsWith("Port " + taken.getLocalPort() + " needed by sleeper is already in use by pid "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    @Test
    void aComponentThatDiesDuringStartUpIsReportedWithItsLog() {
        Sleeper crasher = new Sleeper("crasher", dir.resolve("never"), OsProcesses.freePort(),
                "echo 'FATAL: configuration is wrong'; exit 3");
        StackException e = assertThrows(StackException.class, () -> new Stack(dir, out::add).start(List.of(crasher)));
        assertTrue(e.getMessage().contains("crasher exited during start-up"), e.getMessage());
        assertTrue(e.getMessage().contains("FATAL: configuration is wrong"), e.getMessage());
    }

    @Test
    void whenOneComponentFailsTheOnesStartedWithItAreStopped() {
        Stack stack = new Stack(dir, out::add);
        Sleeper fine = new Sleeper("fine", dir.resolve("fine-ready"));
        Sleeper crasher = new Sleeper("crasher", dir.resolve("never"), OsProcesses.freePort(), "exit 1");
        assertThrows(StackException.class, () -> stack.start(List.of(fine, crasher)));
        assertEquals(Stack.State.STOPPED, stack.state(fine));
    }
}
