package fr.territoires.commons.demo;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Demo data of a service that needs what other services publish first (the demo territories reach
 * funding and recruitment through territory.events): on a daemon thread, one attempt every
 * {@code interval} until an attempt says it is done, or {@code giveUpAfter} has passed. An attempt
 * runs on a Vert.x context, so it may use the reactive session.
 */
public final class DemoLoading {

    /** One attempt: null when it must wait (what it waits for is logged once), else what it did. */
    public interface Attempt extends Supplier<Uni<String>> {
    }

    private DemoLoading() {
    }

    /** Starts the attempts; interrupt the returned thread to stop them (at shutdown). */
    public static Thread start(String service, Logger log, Duration interval, Duration giveUpAfter, String waitingFor,
            Attempt attempt) {
        Thread thread = new Thread(() -> {
            long deadline = System.nanoTime() + giveUpAfter.toNanos();
            boolean told = false;
            try {
                while (System.nanoTime() < deadline) {
                    String done = VertxContextSupport.subscribeAndAwait(attempt);
                    if (done != null) {
                        log.infof("Demo data: %s", done);
                        return;
                    }
                    if (!told) {
                        log.infof("Demo data: waiting for %s (looking again every %s)", waitingFor, interval);
                        told = true;
                    }
                    Thread.sleep(interval.toMillis());
                }
                log.warnf("Demo data: not loaded, %s did not arrive within %s", waitingFor, giveUpAfter);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                log.errorf(e, "Demo data: loading failed");
            }
        }, service + "-demo-data");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
