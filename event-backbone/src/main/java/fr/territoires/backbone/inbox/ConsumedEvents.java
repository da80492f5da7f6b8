package fr.territoires.backbone.inbox;

import fr.territoires.backbone.BackboneConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The records of the events this service applied ({@code consumed_event}), kept for
 * {@code backbone.consumer.retention} so that a redelivery within that time is recognised, then
 * purged. Past it, a very late copy of an event would be applied again: the retention is longer
 * than the outbox's (how long a producer may publish an event again) and than the topics' own.
 */
@ApplicationScoped
public class ConsumedEvents {

    private static final Logger LOG = Logger.getLogger(ConsumedEvents.class);

    private final AgroalDataSource dataSource;
    private final BackboneConfig config;

    public ConsumedEvents(@DataSource("backbone") AgroalDataSource dataSource, BackboneConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Removes the records older than the retention; returns how many. */
    public int purgeExpired() throws SQLException {
        return purgeOlderThan(config.consumer().retention());
    }

    int purgeOlderThan(Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM consumed_event WHERE applied_at < clock_timestamp() - make_interval(secs => ?)")) {
            ps.setLong(1, retention.toSeconds());
            int purged = ps.executeUpdate();
            if (purged > 0) {
                LOG.infof("Consumed events: %d records older than %s removed", purged, retention);
            }
            return purged;
        }
    }
}
