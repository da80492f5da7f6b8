package fr.territoires.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.stack.BuildInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The build's test JVMs run two at a time (-T2) and each makes sure of the application role and its databases on
 * the one shared PostgreSQL: done at once from several sessions, it must neither fail nor create anything twice.
 * Before, a concurrent ALTER ROLE failed one of them ("tuple concurrently updated", a funding test of a CI run).
 */
class SharedPostgresTest {

    @Test
    void manySessionsMakingSureOfTheSameRoleAndDatabasesAtOnceAllSucceed() throws Exception {
        BuildInfrastructure.DedicatedPostgres pg = BuildInfrastructure.dedicatedPostgres("role-race");
        ExecutorService sessions = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                int session = s;
                done.add(sessions.submit((Callable<Void>) () -> {
                    for (int round = 0; round < 6; round++) {
                        pg.ensureDatabases("race_common", "race_" + (session + round) % 4);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            BuildInfrastructure.Postgres app = pg.postgres();
            try (Connection c = DriverManager.getConnection(app.jdbcUrl("race_common"), app.user(),
                    app.password()); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'race\\_%'")) {
                rs.next();
                assertEquals(5, rs.getInt(1), "race_common and race_0 … race_3, once each");
            }
        } finally {
            sessions.shutdownNow();
            pg.stop();
        }
    }
}
