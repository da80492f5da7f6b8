package fr.territoires.commons.outage;

import java.lang.reflect.Method;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

/**
 * Tells a dependency that is away (its connection refused, lost or never given) from a fault of the
 * request or of the code: the first is answered 503 with Retry-After, since the same request will
 * succeed once the dependency is back; the second stays a 500. Recognised anywhere among the
 * causes, since reactive code and Hibernate wrap them.
 */
public final class Outages {

    /**
     * Exceptions known by name (so that the gateway, without database clients, shares this rule):
     * connections a pool could not give or lost, brokers that did not answer.
     */
    static final List<String> UNAVAILABLE_CLASSES = List.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.net.ConnectTimeoutException",
            "io.netty.channel.ConnectTimeoutException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException",
            "org.apache.kafka.common.errors.NetworkException",
            "io.quarkus.oidc.common.runtime.OidcEndpointAccessException");

    /**
     * Messages of the pools and drivers that say no connection could be had (they have no class of
     * their own): Agroal's "Acquisition timeout while waiting for new connection", the Vert.x pools'…
     */
    static final List<String> UNAVAILABLE_MESSAGES = List.of(
            "connection refused",
            "connection reset", // an IOException "Connection reset by peer" writing to a stopped database
            "broken pipe",
            "connection is not active",
            "connection closed",
            "the connection attempt failed",
            "timeout while waiting for a connection",
            "acquisition timeout",
            "pool closed",
            "failed to connect");

    private Outages() {
    }

    /** What is away, when the failure means a dependency is unavailable. */
    public static Optional<String> unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> found = unavailableItself(t);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unavailableItself(Throwable t) {
        // SocketException: a connection reset or broken under a query (a database stopped mid-request,
        // found by DatabaseOutageTest under load); ConnectException and NoRouteToHostException are ones too.
        if (t instanceof SocketException || t instanceof UnknownHostException
                || t instanceof ClosedChannelException || t instanceof SQLTransientConnectionException) {
            return Optional.of(t.getClass().getSimpleName());
        }
        String state = sqlState(t);
        if (state != null && isConnectionState(state)) {
            return Optional.of("SQL state " + state);
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (UNAVAILABLE_CLASSES.contains(c.getName())) {
                return Optional.of(t.getClass().getSimpleName());
            }
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase();
        for (String known : UNAVAILABLE_MESSAGES) {
            if (message.contains(known)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /**
     * SQL states meaning the database cannot serve now: class 08 (connection exception), 57P01–57P03
     * (shut down, crashed, cannot connect now), 53300 (too many connections).
     */
    public static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300");
    }

    /** The SQL state of a JDBC or a Vert.x SQL client exception (by its getSqlState, without depending on it). */
    static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        try {
            Method m = t.getClass().getMethod("getSqlState");
            Object state = m.invoke(t);
            return state == null ? null : state.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
