package fr.territoires.funding.readcache;

import fr.territoires.commons.readcache.ReadRevision;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The revision of funding-service's cached reads (migration V6: applications, commitments, payments and envelopes
 * bump it at commit), for {@link fr.territoires.commons.readcache.ReadCache}.
 */
@ApplicationScoped
public class ReadModels {

    @Produces
    @Singleton
    ReadRevision revision(Pool pool) {
        return new ReadRevision(pool);
    }
}
