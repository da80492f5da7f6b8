package fr.territoires.floor;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** One route that reads the database through Hibernate Reactive (the load after start), one Kafka consumer. */
@Path("/things")
public class Things {

    @GET
    public Uni<List<Thing>> all() {
        return Thing.listAll();
    }

    @Incoming("floor")
    public void consume(String value) {
        // nothing: the consumer is there to be connected at start, as the services' are
    }
}
