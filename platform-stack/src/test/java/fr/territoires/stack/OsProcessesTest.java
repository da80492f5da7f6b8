package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real processes and sockets of this machine. */
class OsProcessesTest {

    @TempDir
    Path dir;

    @Test
    void stoppingAGroupAlsoStopsWhatItsLeaderForked() throws IOException {
        // Like kc.sh: a shell that starts a child and waits for it.
        Path childPid = dir.resolve("child.pid");
        OsProcesses.Tracked leader = OsProcesses.startDetached(
                List.of("sh", "-c", "sleep 300 & echo $! > " + childPid + "; wait"), Map.of(), dir, dir.resolve("out.log"));
        long child = awaitPid(childPid);
        assertTrue(OsProcesses.groupAlive(leader.pid()));
        assertTrue(OsProcesses.isRunning(child));

        OsProcesses.stopGroup(leader.pid(), "TERM", Duration.ofSeconds(5));

        assertFalse(OsProcesses.groupAlive(leader.pid()));
        assertFalse(OsProcesses.isRunning(child));
    }

    @Test
    void aGroupThatIgnoresTermIsKilledAfterTheGracePeriod() throws IOException {
        OsProcesses.Tracked leader = OsProcesses.startDetached(
                List.of("sh", "-c", "trap '' TERM INT; while true; do sleep 1; done"), Map.of(), dir, dir.resolve("out.log"));
        OsProcesses.sleep(300);
        OsProcesses.stopGroup(leader.pid(), "TERM", Duration.ofSeconds(1));
        assertFalse(OsProcesses.groupAlive(leader.pid()));
    }

    @Test
    void aPidFileRecognisesOnlyTheProcessItRecorded() throws IOException {
        OsProcesses.Tracked sleeper = OsProcesses.startDetached(List.of("sleep", "30"), Map.of(), dir, dir.resolve("s.log"));
        Path pidFile = dir.resolve("run/sleeper.pid");
        sleeper.write(pidFile);
        OsProcesses.Tracked read = OsProcesses.Tracked.read(pidFile).orElseThrow();
        assertEquals(sleeper.pid(), read.pid());
        assertTrue(read.isAlive());
        // Same PID, another start instant: a recycled PID is not ours.
        assertFalse(new OsProcesses.Tracked(sleeper.pid(), Instant.now().minusSeconds(3600)).isAlive());
        OsProcesses.stopGroup(sleeper.pid(), "TERM", Duration.ofSeconds(5));
        assertFalse(read.isAlive());
    }

    @Test
    void aMissingOrGarbledPidFileMeansNotRunning() throws IOException {
        assertEquals(Optional.empty(), OsProcesses.Tracked.read(dir.resolve("none.pid")));
        Files.writeString(dir.resolve("bad.pid"), "not a pid");
        assertEquals(Optional.empty(), OsProcesses.Tracked.read(dir.resolve("bad.pid")));
    }

    @Test
    void namesTheProcessThatHoldsAPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            String who = OsProcesses.listenerOf(socket.getLocalPort()).orElseThrow();
            assertTrue(who.startsWith("pid " + ProcessHandle.current().pid() + " ("), who);
        }
    }

    @Test
    void aFreePortHasNoListener() {
        assertEquals(Optional.empty(), OsProcesses.listenerOf(OsProcesses.freePort()));
    }

    private static long awaitPid(Path file) throws IOException {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            OsProcesses.sleep(50);
        }
        OsProcesses.sleep(50);
        return Long.parseLong(Files.readString(file).trim());
    }
}
