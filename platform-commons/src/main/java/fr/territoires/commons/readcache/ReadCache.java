package fr.territoires.commons.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Read models kept between changes: what a read computed, kept with the {@linkplain ReadRevision revision} of
 * the data it was computed at. A read first asks the database for the current revision (one indexed query);
 * when the kept entry is of that revision it is the answer, otherwise the read is computed again. The revision
 * is bumped at the commit of every transaction that changes the data, so a read never answers from before a
 * change that committed before it started, on any replica of the service: the cache is as fresh as the
 * database, only cheaper.
 *
 * <p>Keys must say everything the answer depends on besides the data (its parameters, the business day when
 * "today" matters). Bounded in size (Caffeine, least recently and frequently used out first); failures are not
 * kept.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(long revision, V value) {
    }

    private final Cache<K, Entry<V>> entries;

    public ReadCache(long maxEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /**
     * Bounded by the sum of the entries' weights rather than their number, for values whose size varies widely
     * (a series of one month of one area, or of three years of the whole country): {@code weight} says how much a
     * value counts (e.g. its rows), at least 1.
     */
    public ReadCache(long maxWeight, ToIntFunction<V> weight) {
        this.entries = Caffeine.newBuilder().maximumWeight(maxWeight)
                .weigher((K key, Entry<V> entry) -> Math.max(1, weight.applyAsInt(entry.value()))).build();
    }

    /** The value of {@code key} at {@code revision}: the one kept if computed at that revision, else {@code load}'s. */
    public Uni<V> get(K key, long revision, Supplier<Uni<V>> load) {
        Entry<V> kept = entries.getIfPresent(key);
        if (kept != null && kept.revision() == revision) {
            return Uni.createFrom().item(kept.value());
        }
        return load.get().invoke(value -> keep(key, revision, value));
    }

    /**
     * Keeps a value computed after {@code revision} was read: it is at least that fresh. A concurrent read that
     * saw a newer revision wins, so an entry never goes back.
     */
    void keep(K key, long revision, V value) {
        if (value != null) {
            entries.asMap().merge(key, new Entry<>(revision, value),
                    (old, computed) -> old.revision() > computed.revision() ? old : computed);
        }
    }

    /** How many entries are kept (an estimate, for tests and metrics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
