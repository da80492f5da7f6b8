package fr.territoires.e2e;

import fr.territoires.events.Topics;
import fr.territoires.testing.KafkaTopics;
import java.util.List;
import java.util.Map;

/** The platform's three topics on the build's broker: where their partitions end. */
final class PlatformTopics {

    static final List<String> ALL = List.of(Topics.TERRITORY, Topics.FUNDING, Topics.RECRUITMENT);

    private PlatformTopics() {
    }

    /** "topic-partition" → end offset, for the partitions that exist now (a missing one starts at 0). */
    static Map<String, Long> ends(String bootstrap) {
        return KafkaTopics.ends(bootstrap, ALL);
    }
}
