package fr.territoires.commons.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** One case per kind of failure: an unavailable dependency (503, no attempt counted) or not. */
class OutagesTest {

    private static PgException pg(String state, String message) {
        return new PgException(message, "FATAL", state, null);
    }

    private static boolean out(Throwable t) {
        return Outages.isUnavailable(t);
    }

    // --- the network ---

    @Test
    void aRefusedConnectionIsAnOutage() {
        assertTrue(out(new ConnectException("Connection refused: localhost/127.0.0.1:5432")));
        assertTrue(out(new io.netty.channel.ConnectTimeoutException("connection timed out: keycloak/10.0.0.7:8080")),
                "netty's connect timeout is a ConnectException");
    }

    @Test
    void aConnectionResetOrBrokenUnderAQueryIsAnOutage() {
        assertTrue(out(new SocketException("Connection reset")));
        assertTrue(out(new SocketException("Broken pipe")));
        assertTrue(out(new NoRouteToHostException("No route to host")));
        assertTrue(out(new ClosedChannelException()));
    }

    @Test
    void anUnknownHostIsAnOutage() {
        assertTrue(out(new UnknownHostException("postgres.territoires.svc")));
    }

    // --- PostgreSQL's SQL states, through the reactive client and through JDBC ---

    @Test
    void connectionStatesOfTheReactiveClientAreOutages() {
        assertTrue(out(pg("57P01", "terminating connection due to administrator command")), "admin shutdown");
        assertTrue(out(pg("57P02", "terminating connection due to crash of another server process")), "crash");
        assertTrue(out(pg("57P03", "the database system is starting up")), "cannot connect now");
        assertTrue(out(pg("08006", "connection failure")), "class 08");
        assertTrue(out(pg("53300", "sorry, too many clients already")), "too many connections");
    }

    @Test
    void connectionStatesOfJdbcAreOutages() {
        assertTrue(out(new SQLException("The connection attempt failed.", "08001")));
        assertTrue(out(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(out(new SQLTransientConnectionException("no connection")));
        assertTrue(out(new java.sql.SQLNonTransientConnectionException("gone")));
    }

    @Test
    void statesOfTheEventOrTheRequestAreNot() {
        assertFalse(out(pg("23505", "duplicate key value violates unique constraint")), "unique violation");
        assertFalse(out(pg("23503", "insert or update violates foreign key constraint")), "foreign key");
        assertFalse(out(pg("23514", "new row violates check constraint")), "check constraint");
        assertFalse(out(pg("22P02", "invalid input syntax for type uuid")), "invalid data");
        assertFalse(out(pg("42601", "syntax error")), "a bug");
        assertFalse(out(pg("40001", "could not serialize access")), "a serialization failure: retried, counted");
        assertFalse(out(new SQLIntegrityConstraintViolationException("duplicate", "23505")));
        assertFalse(out(new SQLException("no state")));
    }

    // --- pools and clients without a type of their own ---

    @Test
    void theReactiveClientsClosedConnectionAndPoolTimeoutAreOutages() {
        assertTrue(out(ClosedConnectionException.INSTANCE));
        assertTrue(out(new VertxException("Timeout waiting for connection", true)), "SqlConnectionPool");
        assertTrue(out(new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")),
                "SocketConnectionBase");
        assertFalse(out(new VertxException("Timeout waiting for a reply")), "another Vert.x failure");
        assertFalse(out(new NoStackTraceThrowable("No handlers for address")), "another Vert.x failure");
    }

    @Test
    void agroalsAcquisitionTimeoutIsAnOutageWhereverItComesFromInAgroal() {
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection");
        timeout.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "getConnection", "ConnectionPool.java", 330) });
        assertTrue(out(new RuntimeException(timeout)));
        SQLException same = new SQLException("Acquisition timeout while waiting for new connection");
        assertFalse(out(same), "the same words from elsewhere are not Agroal's timeout");
    }

    @Test
    void anIoExceptionFromTheJdksSocketsIsAnOutageAndNoOtherIs() {
        java.io.IOException reset = new java.io.IOException("Connection reset by peer");
        reset.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.nio.ch.SocketDispatcher", "write0", "SocketDispatcher.java", -2) });
        assertTrue(out(new RuntimeException(reset)), "a peer that dropped the connection under a write");
        java.io.IOException elsewhere = new java.io.IOException("Connection reset by peer");
        assertFalse(out(elsewhere), "the same words from a file, a parser or our code are not an outage");
    }

    // --- no words of a message decide ---

    @Test
    void wordsOfAMessageNeverMakeAnOutage() {
        assertFalse(out(new IllegalStateException("connection reset by peer")));
        assertFalse(out(new RuntimeException("Connection refused")));
        assertFalse(out(new IOException("Broken pipe")), "an IOException that is no socket's");
        assertFalse(out(new IllegalArgumentException("Acquisition timeout while waiting for new connection")));
        assertFalse(out(new RuntimeException("Timeout waiting for connection")), "the text without the type");
    }

    @Test
    void faultsOfTheEventTheRequestOrTheCodeAreNot() {
        assertFalse(out(new NullPointerException()));
        assertFalse(out(new IllegalStateException("boom", new IllegalArgumentException("bad"))));
        assertFalse(out(new org.hibernate.exception.ConstraintViolationException("dup",
                new SQLException("duplicate", "23505"), "uk")));
        assertFalse(out(null));
    }

    // --- wrappers: Hibernate (Reactive), Mutiny, CompletableFuture, Quarkus security ---

    @Test
    void anOutageIsFoundAnywhereAmongTheCausesAndSuppressed() {
        assertTrue(out(new CompletionException(new org.hibernate.HibernateException("wrapped",
                pg("57P01", "terminating connection")))), "Hibernate Reactive wraps the client's exception");
        assertTrue(out(new org.hibernate.exception.JDBCConnectionException("could not connect",
                new SQLException("x"))), "Hibernate's translation of class 08");
        assertTrue(out(new CompletionException(new IllegalStateException("wrapped", new ConnectException("refused")))));
        assertTrue(out(new CompositeException(List.of(new IllegalStateException("rollback failed"),
                ClosedConnectionException.INSTANCE))), "the second cause of a Mutiny CompositeException");
        assertTrue(out(new AuthenticationFailedException(new ConnectException("Connection refused: keycloak:8080"))),
                "Keycloak's keys");
        assertTrue(out(new AuthenticationFailedException(
                new io.quarkus.oidc.common.runtime.OidcEndpointAccessException(503))), "Keycloak answering 503");
        assertTrue(out(new io.quarkus.oidc.OIDCException("OIDC Server is not available",
                new RuntimeException("OIDC Server is not available"))), "a tenant initialised while Keycloak is away");
        assertFalse(out(new io.quarkus.oidc.OIDCException("Invalid OIDC tenant configuration")), "another OIDC failure");
    }

    @Test
    void aCycleAmongTheCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(out(a));
        a.addSuppressed(b);
        assertFalse(out(a));
    }

    @Test
    void connectionStatesAreClass08AndTheServerCannotServe() {
        assertTrue(Outages.isConnectionState("08001"));
        assertTrue(Outages.isConnectionState("08006"));
        assertTrue(Outages.isConnectionState("57P01"));
        assertTrue(Outages.isConnectionState("53300"));
        assertFalse(Outages.isConnectionState("40001"));
        assertFalse(Outages.isConnectionState("23505"));
    }

    @Test
    void retryAfterIsWholeSecondsAtLeastOne() {
        assertEquals("5", ProblemMappers.retryAfterSeconds(Duration.ofSeconds(5)));
        assertEquals("2", ProblemMappers.retryAfterSeconds(Duration.ofMillis(1500)));
        assertEquals("1", ProblemMappers.retryAfterSeconds(Duration.ZERO));
    }

    @Test
    void aDeadlockOrASerializationFailureIsARaceNotAnOutage() {
        RuntimeException deadlock = new RuntimeException("wrapped", pg("40P01", "deadlock detected"));
        assertTrue(Outages.isTransactionRace(deadlock));
        assertTrue(Outages.isTransactionRace(new SQLException("could not serialize access", "40001")));
        assertFalse(Outages.unavailable(deadlock).isPresent());
        assertFalse(Outages.isTransactionRace(pg("23505", "duplicate key value violates unique constraint")));
        assertFalse(Outages.isTransactionRace(new IllegalStateException("deadlock detected")), "words are not a state");
        assertFalse(Outages.isTransactionRace(null));
    }
}
