package fr.territoires.e2e;

import fr.territoires.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The platform's three topics on the build's broker: where their partitions end. */
final class PlatformTopics {

    static final List<String> ALL = List.of(Topics.TERRITORY, Topics.FUNDING, Topics.RECRUITMENT);

    private PlatformTopics() {
    }

    /** "topic-partition" → end offset, for the partitions that exist now (a missing one starts at 0). */
    static Map<String, Long> ends(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrap))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ALL) {
                List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            Map<String, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, offset) -> ends.put(tp.toString(), offset));
            return ends;
        }
    }

    static Properties properties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}
