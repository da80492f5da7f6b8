package fr.territoires.commons.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The readiness of this instance as a metric, {@code platform_ready} (1 ready, 0 not), for the
 * {@code ServiceNotReady} alert: the readiness checks of {@code /q/health/ready} run every
 * {@code platform.metrics.readiness-interval} (10 s) on a timer, never on a scrape.
 */
@ApplicationScoped
public class ReadinessGauge {

    private final SmallRyeHealthReporter health;
    private final Vertx vertx;
    private final long intervalMillis;
    private final AtomicInteger ready = new AtomicInteger();
    private long timer = -1;

    public ReadinessGauge(SmallRyeHealthReporter health, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "platform.metrics.readiness-interval", defaultValue = "10S") Duration interval) {
        this.health = health;
        this.vertx = vertx;
        this.intervalMillis = interval.toMillis();
        Gauge.builder("platform.ready", ready, AtomicInteger::get)
                .description("1 when every readiness check of /q/health/ready is up, 0 otherwise")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(intervalMillis, id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The last readiness seen: 1 or 0. */
    public int ready() {
        return ready.get();
    }

    private void refresh() {
        health.getReadinessAsync().subscribe().with(
                result -> ready.set(result.isDown() ? 0 : 1),
                failure -> ready.set(0));
    }
}
