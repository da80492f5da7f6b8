package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpGateTest {

    private ServerSocket echo;
    private TcpGate gate;

    @BeforeEach
    void echoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // client gone
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        gate = new TcpGate(OsProcesses.freePort(), echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        gate.close();
        echo.close();
    }

    @Test
    void shutUntilOpenedThenForwardsBothWays() throws IOException {
        assertFalse(gate.isOpen());
        assertThrows(ConnectException.class, this::connect);

        gate.open();
        gate.open(); // a second open changes nothing
        try (Socket s = connect()) {
            assertEquals("bonjour", roundTrip(s, "bonjour"));
            assertEquals("encore", roundTrip(s, "encore"));
        }
    }

    @Test
    void shuttingCutsTheOpenConnectionsAndRefusesNewOnesUntilOpenedAgain() throws IOException {
        gate.open();
        try (Socket s = connect()) {
            assertEquals("avant", roundTrip(s, "avant"));

            gate.shut();
            assertFalse(gate.isOpen());
            s.setSoTimeout(5_000);
            assertEquals(-1, readOrEnd(s), "the connection through the gate is cut");
            assertThrows(ConnectException.class, this::connect);

            gate.open();
            assertTrue(gate.isOpen());
            try (Socket again = connect()) {
                assertEquals("après", roundTrip(again, "après"));
            }
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), gate.port());
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(sent);
        s.getOutputStream().flush();
        s.setSoTimeout(5_000);
        byte[] received = s.getInputStream().readNBytes(sent.length);
        return new String(received, StandardCharsets.UTF_8);
    }

    /** The next byte, or -1 at the end; a reset counts as the end, a timeout (still open) as -2. */
    private static int readOrEnd(Socket s) {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException e) {
            return -1;
        }
    }
}
