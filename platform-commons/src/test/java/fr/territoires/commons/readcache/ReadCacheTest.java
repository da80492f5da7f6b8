package fr.territoires.commons.readcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final ReadCache<String, String> cache = new ReadCache<>(100);
    private final AtomicInteger loads = new AtomicInteger();

    private Uni<String> load(String value) {
        loads.incrementAndGet();
        return Uni.createFrom().item(value);
    }

    private String read(String key, long revision, String computed) {
        return cache.get(key, revision, () -> load(computed)).await().indefinitely();
    }

    @Test
    void theSameRevisionAnswersFromMemory() {
        assertEquals("a@7", read("a", 7, "a@7"));
        assertEquals("a@7", read("a", 7, "never computed"));
        assertEquals(1, loads.get());
    }

    @Test
    void anotherRevisionComputesAgain() {
        read("a", 7, "a@7");
        assertEquals("a@8", read("a", 8, "a@8"));
        assertEquals("a@8", read("a", 8, "never computed"));
        assertEquals(2, loads.get());
    }

    @Test
    void keysAreApart() {
        read("a", 7, "a@7");
        assertEquals("b@7", read("b", 7, "b@7"));
        assertEquals(2, loads.get());
    }

    @Test
    void aSlowReadOfAnOlderRevisionNeverReplacesANewerEntry() {
        read("a", 9, "a@9");
        cache.keep("a", 8, "a@8, finished late");
        assertEquals("a@9", read("a", 9, "never computed"));
        assertEquals(1, loads.get());
    }

    @Test
    void failuresAreNotKept() {
        Uni<String> failing = Uni.createFrom().failure(new IllegalStateException("no such territory"));
        assertThrows(IllegalStateException.class, () -> cache.get("a", 7, () -> failing).await().indefinitely());
        assertEquals("a@7", read("a", 7, "a@7"));
        assertEquals(1, loads.get());
    }

    @Test
    void boundedInSize() {
        ReadCache<Integer, Integer> small = new ReadCache<>(10);
        for (int i = 0; i < 1_000; i++) {
            int key = i;
            small.get(key, 1, () -> Uni.createFrom().item(key)).await().indefinitely();
        }
        assertEquals(true, small.size() <= 10, "kept " + small.size());
    }

    @Test
    void aWeighedCacheKeepsNoMoreThanItsWeight() {
        ReadCache<String, java.util.List<Integer>> weighed = new ReadCache<>(10, java.util.List::size);
        for (int i = 0; i < 20; i++) {
            int n = i;
            weighed.get("k" + n, 1, () -> Uni.createFrom().item(java.util.List.of(1, 2, 3))).await().indefinitely();
        }
        assertEquals(true, weighed.size() <= 3, "at most three values of weight 3 in a weight of 10");
        assertEquals(java.util.List.of(), weighed.get("empty", 1, () -> Uni.createFrom().item(java.util.List.<Integer>of()))
                .await().indefinitely());
    }
}
