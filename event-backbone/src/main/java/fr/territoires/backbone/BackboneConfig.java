package fr.territoires.backbone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the event backbone; every one has a production default. */
@ConfigMapping(prefix = "backbone")
public interface BackboneConfig {

    /** This service's name: the events' source, the consumer group, the dead-letter topics' suffix. */
    @WithDefault("${quarkus.application.name}")
    String service();

    Relay relay();

    Consumer consumer();

    interface Relay {

        /** Off only in tests that need events to stay in the outbox. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** Longest wait between two looks at the outbox when no notification arrives. */
        @WithDefault("1S")
        Duration pollInterval();

        /** Longest pause after a failed publish (the pause doubles from 250 ms up to this). */
        @WithDefault("10S")
        Duration maxBackoff();

        /** How long published events stay in the outbox, for audit and replay. */
        @WithDefault("P7D")
        Duration retention();

        /** Partitions of the topics the relay creates when they do not exist. */
        @WithDefault("3")
        int partitions();
    }

    interface Consumer {

        @WithDefault("true")
        boolean enabled();

        /** Attempts at a message that fails for a transient reason before it goes to the dead letters. */
        @WithDefault("5")
        int maxAttempts();

        /** First pause between attempts; it doubles at each one. */
        @WithDefault("200MS")
        Duration initialBackoff();

        /**
         * Longest pause before a record is read again while a dependency is away (the database: no
         * attempt counted, never parked for that); the pause doubles from {@code initial-backoff}.
         */
        @WithDefault("10S")
        Duration maxOutagePause();

        /**
         * How long the record of an applied event is kept to recognise a redelivery; then purged
         * (hourly, with the outbox). Longer than the outbox's retention and the topics'.
         */
        @WithDefault("P30D")
        Duration retention();
    }
}
