package fr.territoires.backbone;

import fr.territoires.backbone.deadletter.DeadLetters;
import fr.territoires.backbone.inbox.EventConsumers;
import fr.territoires.backbone.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The backbone in the readiness report. A backlog alone does not make the service unready: while
 * Kafka is away the outbox is exactly what keeps the service usable. A dead consumer thread does.
 */
@Readiness
@ApplicationScoped
public class BackboneHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final EventConsumers consumers;
    private final DeadLetters deadLetters;
    private final BackboneConfig config;

    public BackboneHealth(OutboxRelay relay, EventConsumers consumers, DeadLetters deadLetters, BackboneConfig config) {
        this.relay = relay;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Event backbone")
                .withData("relay", config.relay().enabled() ? relay.state().name() : "DISABLED")
                .withData("outboxBacklog", relay.backlog())
                .withData("oldestPendingSeconds", relay.oldestPendingSeconds())
                .withData("deadLettersParked", deadLetters.parkedCount());
        if (relay.lastError() != null && relay.state() == OutboxRelay.State.FAILING) {
            builder.withData("relayError", relay.lastError());
        }
        boolean consumersUp = true;
        var waiting = consumers.waiting();
        for (var entry : consumers.running().entrySet()) {
            // WAITING: alive, its partitions paused until a dependency (the database) is back.
            builder.withData("consumer " + entry.getKey(), !entry.getValue() ? "STOPPED"
                    : waiting.containsKey(entry.getKey()) ? "WAITING for " + waiting.get(entry.getKey()) : "RUNNING");
            consumersUp &= entry.getValue();
        }
        return builder.status(consumersUp).build();
    }
}
