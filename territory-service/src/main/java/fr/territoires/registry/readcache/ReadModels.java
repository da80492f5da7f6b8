package fr.territoires.registry.readcache;

import fr.territoires.commons.readcache.ReadRevision;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The revision of the registry's cached reads (migration V7: territories, perimeters, label dates, the
 * phase-1 list and action sheets bump it at commit), for {@link fr.territoires.commons.readcache.ReadCache}.
 */
@ApplicationScoped
public class ReadModels {

    @Produces
    @Singleton
    ReadRevision revision(Pool pool) {
        return new ReadRevision(pool);
    }
}
