package fr.territoires.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port on localhost that forwards to another, and that a test opens and shuts: shut, nothing
 * listens there and the connections through it are cut, so its clients see what they would see of a
 * stopped server (connection refused, connections reset), while the server behind keeps running.
 *
 * <p>Kept here rather than taken from a library: Toxiproxy needs its own server binary, and a test
 * needs only these two states, not latency or bandwidth faults.
 */
public final class TcpGate implements AutoCloseable {

    private final int port;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    /** A gate on {@code port}, to {@code target}, shut until {@link #open()}. */
    public TcpGate(int port, int target) {
        this.port = port;
        this.target = target;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isOpen() {
        return listener != null;
    }

    /** Listens on its port and forwards each connection; nothing if already open. */
    public synchronized void open() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = server;
            daemon("tcp-gate-" + port, () -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    /** Stops listening and cuts every connection through it; nothing if already shut. */
    public synchronized void shut() {
        if (listener == null) {
            return;
        }
        quietly(listener);
        listener = null;
        for (Socket socket : open) {
            quietly(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        shut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // shut
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
            } catch (IOException e) {
                quietly(client); // the server behind is away: as if nothing were there
                quietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            daemon("tcp-gate-" + port + "-in", () -> pipe(client, upstream));
            daemon("tcp-gate-" + port + "-out", () -> pipe(upstream, client));
        }
    }

    /** Copies one way until either side ends, then closes both (the other pipe then ends too). */
    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut: by shut(), or by either side
        } finally {
            quietly(from);
            quietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
