package fr.territoires.events;

import java.util.List;

/** The platform's Kafka topics (DESIGN.md §3); the Kafka key of every record is a territory code. */
public final class Topics {

    public static final String TERRITORY = "territory.events";
    public static final String FUNDING = "funding.events";
    public static final String RECRUITMENT = "recruitment.events";

    public static final List<String> ALL = List.of(TERRITORY, FUNDING, RECRUITMENT);

    private Topics() {
    }

    /** The dead-letter topic where {@code service} parks what it could not apply from {@code topic}. */
    public static String deadLetter(String topic, String service) {
        if (!ALL.contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        return topic + ".dlq." + service;
    }

    /** CloudEvents type: {@code fr.territoires.<service>.<event>.v<N>}. */
    public static String eventType(String service, String event, int version) {
        return "fr.territoires." + service + "." + event + ".v" + version;
    }
}
