package fr.territoires.commons.readcache;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The revision of a service's read models: a counter in its database, in the one-row table
 * {@code read_revision}, that a deferred trigger bumps once at the commit of every transaction changing a
 * table the cached reads come from (see each service's migration). Read with one prepared query on the
 * reactive pool, outside any ORM session.
 */
public final class ReadRevision {

    /** The table and function each service's migration creates (territory V7, funding V6, recruitment V6). */
    static final String QUERY = "SELECT revision FROM read_revision WHERE id = 1";

    private final Pool pool;

    public ReadRevision(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> current() {
        return pool.preparedQuery(QUERY).execute().map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                throw new IllegalStateException("read_revision has no row: its migration did not run");
            }
            Row row = it.next();
            return row.getLong(0);
        });
    }
}
