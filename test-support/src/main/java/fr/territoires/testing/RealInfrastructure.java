package fr.territoires.testing;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the build's real PostgreSQL (its own database, named by the
 * {@code database} init argument) and the real Kafka broker. Nothing is faked; the processes are
 * shared by the whole build and stopped when Maven exits.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String dedicatedKafka;
    private String dedicatedPostgres;
    private String dedicatedKeycloak;

    /**
     * {@code database}: the service's database for this test run; {@code dedicatedKafka}: a name,
     * for a test that stops and restarts its own broker (see {@link #dedicatedKafka(String)}).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "test");
        dedicatedKafka = initArgs.get("dedicatedKafka");
        dedicatedPostgres = initArgs.get("dedicatedPostgres");
        dedicatedKeycloak = initArgs.get("dedicatedKeycloak");
    }

    /**
     * The PostgreSQL a test stops and restarts (init argument {@code dedicatedPostgres}); the same one
     * the application under test was given, holding the {@code database} of the test.
     */
    public static BuildInfrastructure.DedicatedPostgres dedicatedPostgres(String name, String database) {
        return BuildInfrastructure.dedicatedPostgres(name, database);
    }

    /** The broker a test stops and restarts; the same one the application under test was given. */
    public static BuildInfrastructure.DedicatedKafka dedicatedKafka(String name) {
        return BuildInfrastructure.dedicatedKafka(name);
    }

    /**
     * The Keycloak a test takes away and brings back (init argument {@code dedicatedKeycloak}); the application
     * under test validates its tokens against it instead of the OIDC test server, and starts while it is away.
     */
    public static BuildInfrastructure.DedicatedKeycloak dedicatedKeycloak(String name) {
        return BuildInfrastructure.dedicatedKeycloak(name);
    }

    @Override
    public Map<String, String> start() {
        BuildInfrastructure.Postgres pg = dedicatedPostgres == null ? BuildInfrastructure.postgres(database)
                : BuildInfrastructure.dedicatedPostgres(dedicatedPostgres, database).postgres();
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password(),
                "kafka.bootstrap.servers", dedicatedKafka == null ? BuildInfrastructure.kafkaBootstrapServers()
                        : BuildInfrastructure.dedicatedKafka(dedicatedKafka).bootstrapServers()));
        if (dedicatedKeycloak != null) {
            // Away until the test reconnects it: the application starts without it.
            config.put("quarkus.oidc.auth-server-url", BuildInfrastructure.dedicatedKeycloak(dedicatedKeycloak).url()
                    + "/realms/" + KeycloakServer.REALM);
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared across the build: the watchdog stops the processes when Maven exits.
    }
}
