package fr.territoires.recruitment.readcache;

import fr.territoires.commons.readcache.ReadRevision;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The revision of recruitment-service's cached reads (migration V6: needs, their changes and the replica's
 * territories bump it at commit), for {@link fr.territoires.commons.readcache.ReadCache}.
 */
@ApplicationScoped
public class ReadModels {

    @Produces
    @Singleton
    ReadRevision revision(Pool pool) {
        return new ReadRevision(pool);
    }
}
