package fr.territoires.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs reactive Panache work from a test thread on a Vert.x context and waits for it: the same
 * transactions as the application, against the real database.
 */
public final class ReactiveDb {

    private ReactiveDb() {
    }

    /** Commits. */
    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Rolls back whatever the work did, after letting it run (for repository tests). */
    public static <T> T rolledBack(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> Panache.currentTransaction().invoke(tx -> tx.markForRollback()).chain(ignored -> work.get())));
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
