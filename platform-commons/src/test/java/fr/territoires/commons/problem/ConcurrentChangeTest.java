package fr.territoires.commons.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Issue 14: a lost-update conflict surfaced as a 500 in territory and funding; one mapping for all. */
class ConcurrentChangeTest {

    @Test
    void aStaleVersionIsAConcurrentChangeEvenWrapped() {
        assertTrue(ProblemMappers.isConcurrentChange(new org.hibernate.StaleObjectStateException("ActionSheet", 1)));
        assertTrue(ProblemMappers.isConcurrentChange(new CompletionException(
                new org.hibernate.StaleObjectStateException("ActionSheet", 1))));
        assertTrue(ProblemMappers.isConcurrentChange(new RuntimeException(new jakarta.persistence.OptimisticLockException())));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMappers.isConcurrentChange(new IllegalStateException("boom")));
        assertFalse(ProblemMappers.isConcurrentChange(new CompletionException(new NullPointerException())));
    }
}
