package fr.territoires.testing;

import fr.territoires.stack.BuildInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC on a service's test database, to check what was (or was not) stored. */
public final class Sql {

    private final String database;

    private final java.util.function.Supplier<BuildInfrastructure.Postgres> server;

    private Sql(String database, java.util.function.Supplier<BuildInfrastructure.Postgres> server) {
        this.database = database;
        this.server = server;
    }

    public static Sql on(String database) {
        return new Sql(database, () -> BuildInfrastructure.postgres(database));
    }

    /** A database of a test's dedicated PostgreSQL (see {@link RealInfrastructure#dedicatedPostgres}). */
    public static Sql on(BuildInfrastructure.DedicatedPostgres server, String database) {
        return new Sql(database, server::postgres);
    }

    /** The number of rows of each table, in the order given (to check that nothing was stored). */
    public Map<String, Long> rowCounts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, count("SELECT count(*) FROM " + t)));
        return counts;
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        BuildInfrastructure.Postgres pg = server.get();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            if (!ps.execute()) {
                return rows;
            }
            try (ResultSet rs = ps.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
