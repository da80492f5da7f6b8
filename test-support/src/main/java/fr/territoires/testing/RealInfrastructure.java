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

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "test");
    }

    @Override
    public Map<String, String> start() {
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(database);
        return Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password(),
                "kafka.bootstrap.servers", BuildInfrastructure.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across the build: the watchdog stops the processes when Maven exits.
    }
}
