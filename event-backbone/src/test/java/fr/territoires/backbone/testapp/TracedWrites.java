package fr.territoires.backbone.testapp;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * A service's write as it is made in a request: a traced HTTP call whose transaction changes a state
 * row and writes an event; and a read of that state.
 */
@Path("/test/traced-writes")
public class TracedWrites {

    private final Outbox outbox;

    public TracedWrites(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("{key}")
    @WithTransaction
    public Uni<Void> write(@PathParam("key") String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO test_state (event_key) VALUES (:key)")
                .setParameter("key", key).executeUpdate())
                .chain(() -> outbox.append(EventType.TERRITORY_STATUS_CHANGED, key,
                        new TerritoryStatusChangedV1(key, "Territoire " + key, "LEFT", "LABELLED", "traced")))
                .replaceWithVoid();
    }

    /** How many state rows the key has. */
    @GET
    @Path("{key}")
    @WithSession
    public Uni<Long> read(@PathParam("key") String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM test_state WHERE event_key = :key", Long.class)
                .setParameter("key", key).getSingleResult());
    }
}
