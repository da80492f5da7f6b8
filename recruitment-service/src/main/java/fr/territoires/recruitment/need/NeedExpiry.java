package fr.territoires.recruitment.need;

import fr.territoires.commons.time.BusinessDates;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Needs expire by themselves: shortly after start-up and then every {@code recruitment.expiry.every},
 * the open needs past their deadline are expired in one transaction. Several instances may run it
 * at once: the needs are locked, and one already expired no longer matches.
 */
@ApplicationScoped
public class NeedExpiry {

    private static final Logger LOG = Logger.getLogger(NeedExpiry.class);

    private final NeedService needs;
    private final BusinessDates today;

    public NeedExpiry(NeedService needs, BusinessDates today) {
        this.needs = needs;
        this.today = today;
    }

    @Scheduled(every = "${recruitment.expiry.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return needs.expireDue(today.today())
                .invoke(expired -> {
                    if (!expired.isEmpty()) {
                        LOG.infof("Expired %d need(s) past their deadline: %s", expired.size(), expired);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Expiring needs failed (next run will try again): %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
