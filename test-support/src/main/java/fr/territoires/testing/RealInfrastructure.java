package fr.territoires.testing;

import fr.territoires.stack.BuildInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service under test at the build's real PostgreSQL (its own database, named by the
 * {@code database} init argument) and the real Kafka broker. Nothing is faked; the processes are
 * shared by the whole build and stopped when Maven exits.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String dedicatedKafka;

    /**
     * {@code database}: the service's database for this test run; {@code dedicatedKafka}: a name,
     * for a test that stops and restarts its own broker (see {@link #dedicatedKafka(String)}).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "test");
        dedicatedKafka = initArgs.get("dedicatedKafka");
    }

    /** The broker a test stops and restarts; the same one the application under test was given. */
    public static BuildInfrastructure.DedicatedKafka dedicatedKafka(String name) {
        return BuildInfrastructure.dedicatedKafka(name);
    }

    @Override
    public Map<String, String> start() {
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(database);
        return Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password(),
                "kafka.bootstrap.servers", dedicatedKafka == null ? BuildInfrastructure.kafkaBootstrapServers()
                        : BuildInfrastructure.dedicatedKafka(dedicatedKafka).bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across the build: the watchdog stops the processes when Maven exits.
    }
}
