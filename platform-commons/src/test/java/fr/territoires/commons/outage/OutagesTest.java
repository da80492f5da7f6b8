package fr.territoires.commons.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.problem.ProblemMappers;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    /** Stands for io.vertx.pgclient.PgException, which carries its state in getSqlState(). */
    static final class FakePgException extends RuntimeException {
        private final String state;

        FakePgException(String message, String state) {
            super(message);
            this.state = state;
        }

        public String getSqlState() {
            return state;
        }
    }

    @Test
    void refusedOrLostConnectionsAreOutagesWhereverTheyAreWrapped() {
        assertTrue(Outages.unavailable(new ConnectException("Connection refused: localhost/127.0.0.1:5432")).isPresent());
        assertTrue(Outages.unavailable(new CompletionException(new IllegalStateException("wrapped",
                new ConnectException("refused")))).isPresent());
        assertTrue(Outages.unavailable(new SQLTransientConnectionException("no connection")).isPresent());
        assertTrue(Outages.unavailable(new IllegalStateException(new java.net.SocketException("Connection reset")))
                .isPresent());
        assertTrue(Outages.unavailable(new RuntimeException(new SQLException("gone", "08006"))).isPresent());
        assertTrue(Outages.unavailable(new FakePgException("terminating connection due to administrator command", "57P01"))
                .isPresent());
        assertTrue(Outages.unavailable(new FakePgException("the database system is starting up", "57P03")).isPresent());
        assertTrue(Outages.unavailable(new IllegalStateException("Connection is not active now")).isPresent());
        assertTrue(Outages.unavailable(new RuntimeException("Timeout while waiting for a connection from the pool"))
                .isPresent());
        assertTrue(Outages.unavailable(new SQLException("Acquisition timeout while waiting for new connection"))
                .isPresent(), "Agroal's pool");
        assertTrue(Outages.unavailable(new io.quarkus.security.AuthenticationFailedException(
                new ConnectException("Connection refused: keycloak/10.0.0.7:8080"))).isPresent(), "Keycloak's keys");
    }

    @Test
    void faultsOfTheRequestOrOfTheCodeAreNot() {
        assertFalse(Outages.unavailable(new FakePgException("duplicate key value", "23505")).isPresent());
        assertFalse(Outages.unavailable(new RuntimeException(new SQLException("syntax error", "42601"))).isPresent());
        assertFalse(Outages.unavailable(new NullPointerException()).isPresent());
        assertFalse(Outages.unavailable(new IllegalStateException("boom", new IllegalArgumentException("bad"))).isPresent());
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
    void aFailedAuthenticationIsAnOutageOnlyWhileQuarkusWaitsToFetchTheKeysAgain() throws Exception {
        OutageConfig config = new OutageConfig() {
            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration keyRefreshInterval() {
                return Duration.ofMillis(300);
            }
        };
        Exception unknownKey = new io.quarkus.security.AuthenticationFailedException(new IllegalStateException(
                "Unable to process JOSE object (cause: org.jose4j.lang.UnresolvableKeyException: no key for kid x)"));
        Exception refused = new io.quarkus.security.AuthenticationFailedException(
                new ConnectException("Connection refused: localhost/127.0.0.1:8180"));

        SigningKeys keys = new SigningKeys(config);
        assertFalse(keys.unavailable(unknownKey), "no fetch failed: the token is at fault");
        assertTrue(keys.unavailable(refused));
        assertTrue(keys.unavailable(unknownKey), "no new fetch until the interval is over");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (keys.unavailable(unknownKey)) {
            assertTrue(System.nanoTime() < deadline, "the interval ends");
            Thread.onSpinWait();
        }
        assertFalse(keys.unavailable(new io.quarkus.security.AuthenticationFailedException("expired")));
        assertTrue(keys.unavailable(refused), "a new failed fetch opens a new interval");
    }
}
