package fr.territoires.funding.envelope;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code funding_envelope_utilisation_ratio{envelope,funder}}: what is committed (AE) over the
 * ceiling of each open envelope, read from the database every
 * {@code funding.metrics.envelope-refresh} (1 minute) on a timer, never on a scrape. An envelope
 * that is frozen or closed, or has a zero ceiling, has no series.
 */
@ApplicationScoped
public class EnvelopeUtilisationMetrics {

    private static final Logger LOG = Logger.getLogger(EnvelopeUtilisationMetrics.class);
    private static final String QUERY =
            "SELECT id::text, funder, committed, ceiling FROM envelope WHERE status = 'OPEN' AND ceiling > 0";

    private final Pool pool;
    private final Vertx vertx;
    private final long intervalMillis;
    private final MultiGauge utilisation;
    private long timer = -1;

    public EnvelopeUtilisationMetrics(Pool pool, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "funding.metrics.envelope-refresh", defaultValue = "1M") Duration interval) {
        this.pool = pool;
        this.vertx = vertx;
        this.intervalMillis = interval.toMillis();
        this.utilisation = MultiGauge.builder("funding.envelope.utilisation.ratio")
                .description("Committed amount (AE) over the ceiling of each open envelope")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(1, intervalMillis, id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        pool.query(QUERY).execute().subscribe().with(rows -> {
            List<MultiGauge.Row<?>> gauges = new ArrayList<>();
            for (Row row : rows) {
                BigDecimal ceiling = row.getBigDecimal("ceiling");
                double ratio = row.getBigDecimal("committed").divide(ceiling, 6, RoundingMode.HALF_UP).doubleValue();
                gauges.add(MultiGauge.Row.of(Tags.of("envelope", row.getString("id"), "funder", row.getString("funder")),
                        ratio));
            }
            utilisation.register(gauges, true);
        }, failure -> LOG.debugf("Envelope utilisation not refreshed: %s", failure.toString()));
    }
}
