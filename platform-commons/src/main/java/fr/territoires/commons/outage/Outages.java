package fr.territoires.commons.outage;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a dependency that is away (its connection refused, lost or never given) from a fault of the
 * request, of the event or of the code: the first is answered 503 with Retry-After by the HTTP
 * mappers and makes an event consumer wait without counting an attempt, since the same request or
 * event will succeed once the dependency is back; the second stays a 500, or an attempt towards the
 * dead letters.
 *
 * <p>Decided by the exceptions' types and SQL states only, never by words of a message (a business
 * refusal saying "connection reset" is not an outage), anywhere among the causes and suppressed
 * exceptions, since Hibernate Reactive, Mutiny, Quarkus security and the pools wrap them. Types are
 * known by name, anywhere in the class hierarchy, so that the gateway (no database client) shares
 * this one rule.
 */
public final class Outages {

    /** Types whose every instance means that a dependency could not be reached or was lost. */
    static final Set<String> UNAVAILABLE_TYPES = Set.of(
            // The network: refused (ConnectException, netty's ConnectTimeoutException and
            // AnnotatedConnectException extend it), reset or broken under a query, no route, no name.
            "java.net.SocketException",
            "java.net.UnknownHostException",
            "java.nio.channels.ClosedChannelException",
            // JDBC: connections refused or lost (pgJDBC uses SQL states, some drivers these types).
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLNonTransientConnectionException",
            // Hibernate's translation of SQL state class 08.
            "org.hibernate.exception.JDBCConnectionException",
            // Vert.x: the SQL connection closed under a command; an HTTP connection closed or a pool
            // queue full (the gateway's and Quarkus OIDC's clients).
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.HttpClosedException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            // Kafka clients: the broker did not answer or the connection was lost.
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.NetworkException",
            "org.apache.kafka.common.errors.DisconnectException",
            // Quarkus OIDC: Keycloak's endpoints (discovery, keys) could not be reached.
            "io.quarkus.oidc.common.runtime.OidcEndpointAccessException");

    /**
     * Failures that have no type of their own: a type used for other things too, told apart by the
     * exact text that one class of the library gives it (never words looked for in any message).
     * The Vert.x SQL client's {@code SqlConnectionPool} "Timeout waiting for connection" (the
     * reactive pool gave no connection in time) and {@code SocketConnectionBase} "Connection is not
     * active now, current status: CLOSED" (a command on a connection the database closed); Quarkus
     * OIDC's {@code TenantContextFactory} "OIDC Server is not available" (Keycloak unreachable when
     * the tenant is initialised, on the first requests of a service started while it was away: the
     * refused connection is not kept as a cause; KeycloakOutageTest).
     */
    static final Map<String, String> UNAVAILABLE_TYPE_AND_TEXT = Map.of(
            "io.vertx.core.VertxException", "Timeout waiting for connection",
            "io.vertx.core.impl.NoStackTraceThrowable", "Connection is not active now",
            "io.quarkus.oidc.OIDCException", "OIDC Server is not available");

    /** The pool whose acquisition timeout is a plain SQLException without SQL state (Agroal, JDBC). */
    static final String AGROAL_POOL = "io.agroal.pool.";

    /**
     * The JDK's socket channels, whose read or write on a connection the peer dropped throws a plain
     * IOException ("Connection reset by peer", "Broken pipe"), not a SocketException: measured when the
     * database stopped while the reactive client was sending a new connection's startup message
     * (DatabaseOutageTest).
     */
    static final String JDK_SOCKET_CHANNELS = "sun.nio.ch.";

    /** Causes and suppressed exceptions looked at, at most (a cycle or a pathological chain ends there). */
    private static final int MAX_EXCEPTIONS = 64;

    private Outages() {
    }

    /** What is away, when the failure means a dependency is unavailable; empty for any other failure. */
    public static Optional<String> unavailable(Throwable failure) {
        return firstInChain(failure, Outages::unavailableItself);
    }

    /**
     * The first finding in the failure, its causes and their suppressed exceptions (Mutiny's
     * CompositeException keeps its further causes there), breadth first, with a guard against cycles.
     */
    private static <T> Optional<T> firstInChain(Throwable failure, java.util.function.Function<Throwable, Optional<T>> find) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && seen.size() < MAX_EXCEPTIONS) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            Optional<T> found = find.apply(t);
            if (found.isPresent()) {
                return found;
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                next.add(suppressed);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether PostgreSQL rolled the transaction back because it ran at the same time as another: to break a
     * deadlock (40P01) or a serialization failure (40001). Nothing of it was written; the same request may
     * succeed when sent again. Found in the causes, like {@link #unavailable(Throwable)}.
     */
    public static boolean isTransactionRace(Throwable failure) {
        return firstInChain(failure, t -> Optional.ofNullable(sqlState(t))
                .filter(state -> state.equals("40P01") || state.equals("40001"))).isPresent();
    }

    /** Whether the failure means a dependency is unavailable (see {@link #unavailable(Throwable)}). */
    public static boolean isUnavailable(Throwable failure) {
        return unavailable(failure).isPresent();
    }

    private static Optional<String> unavailableItself(Throwable t) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (UNAVAILABLE_TYPES.contains(c.getName())) {
                return Optional.of(t.getClass().getName());
            }
        }
        String text = UNAVAILABLE_TYPE_AND_TEXT.get(t.getClass().getName());
        if (text != null && t.getMessage() != null && t.getMessage().startsWith(text)) {
            return Optional.of(t.getClass().getName() + ": " + text);
        }
        String state = sqlState(t);
        if (state != null && isConnectionState(state)) {
            return Optional.of("SQL state " + state);
        }
        if (t.getClass() == java.io.IOException.class && thrownBy(t, JDK_SOCKET_CHANNELS)) {
            return Optional.of("java.io.IOException from a socket");
        }
        if (t instanceof SQLException && state == null && thrownBy(t, AGROAL_POOL)) {
            // Agroal's "Acquisition timeout while waiting for new connection": no connection could be
            // had in time (the database refuses them, or every one is taken).
            return Optional.of("JDBC pool acquisition timeout");
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

    /**
     * The SQL state of a JDBC exception, or of a Vert.x SQL client's {@code DatabaseException}
     * ({@code PgException}) by its {@code getSqlState()}, without depending on the client.
     */
    static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().equals("io.vertx.sqlclient.DatabaseException")) {
                try {
                    Method m = c.getMethod("getSqlState");
                    Object state = m.invoke(t);
                    return state == null ? null : state.toString();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the exception was created in a class of the package (its first stack frame). */
    private static boolean thrownBy(Throwable t, String packagePrefix) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(packagePrefix);
    }
}
