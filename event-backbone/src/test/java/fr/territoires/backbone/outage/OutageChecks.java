package fr.territoires.backbone.outage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.testing.Sql;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What an outage under {@link OutageLoad} must leave: checked the same way for each dependency. */
final class OutageChecks {

    private OutageChecks() {
    }

    /** Every request was answered, 2xx or 503 problem+json with Retry-After. */
    static void everyAnswerWas2xxOr503(OutageLoad load) {
        assertEquals(List.of(), load.failures(), "requests without an answer");
        assertEquals(List.of(), load.unacceptable(), "answers neither 2xx nor 503 with Retry-After");
    }

    /**
     * Nothing half-written: the keys with a state row are exactly the acknowledged writes, each with
     * one state row and one outbox event; every event of the run is published, and applied exactly
     * once by the consumer, none parked as a dead letter.
     */
    static void nothingHalfWrittenAndEachEventAppliedOnce(Sql db, String run, OutageLoad load, Duration patience) {
        Set<String> acknowledged = new TreeSet<>(load.acknowledged());
        String like = run + "-%";
        assertEquals(acknowledged, keys(db, "SELECT event_key FROM test_state WHERE event_key LIKE ?", like),
                "state rows are those of the acknowledged writes");
        assertEquals(acknowledged, keys(db, "SELECT event_key FROM outbox_event WHERE event_key LIKE ?", like),
                "events are those of the acknowledged writes");
        assertEquals(acknowledged.size(), db.count("SELECT count(*) FROM test_state WHERE event_key LIKE ?", like));
        assertEquals(acknowledged.size(), db.count("SELECT count(*) FROM outbox_event WHERE event_key LIKE ?", like));

        await().atMost(patience).until(() -> db.count(
                "SELECT count(*) FROM outbox_event WHERE event_key LIKE ? AND published_at IS NULL", like) == 0);
        eachAppliedOnceAndNoneParked(db, like, acknowledged, patience);
    }

    /**
     * Every event of the keys (LIKE pattern) applied exactly once by the consumer, none parked: an
     * outage of a dependency is never the event's fault (the consumer waits, it counts no attempt).
     */
    static void eachAppliedOnceAndNoneParked(Sql db, String like, Set<String> keys, Duration patience) {
        await().atMost(patience).until(() -> db.count(
                "SELECT count(DISTINCT event_key) FROM test_applied WHERE event_key LIKE ?", like) >= keys.size());
        assertEquals(keys, keys(db, "SELECT event_key FROM test_applied WHERE event_key LIKE ?", like),
                "every event applied");
        assertEquals(keys.size(), db.count("SELECT count(*) FROM test_applied WHERE event_key LIKE ?", like),
                "none applied twice");
        assertEquals(List.of(), db.rows("SELECT event_key, error_class, error_message, attempts FROM dead_letter"
                + " WHERE event_key LIKE ?", like), "no event parked");
    }

    private static Set<String> keys(Sql db, String sql, String like) {
        Set<String> keys = new TreeSet<>();
        db.rows(sql, like).forEach(row -> keys.add((String) row.get("event_key")));
        return keys;
    }
}
