package fr.territoires.e2e;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.Platform;
import fr.territoires.stack.QuarkusService;
import java.util.HashMap;
import java.util.Map;

/** A packaged service wired to the build's real infrastructure, on a database of its own. */
final class PackagedServices {

    private PackagedServices() {
    }

    static QuarkusService territoryService(String database, int port, Map<String, String> extraEnv) {
        return service("territory-service", database, port, extraEnv);
    }

    static QuarkusService fundingService(String database, int port, Map<String, String> extraEnv) {
        return service("funding-service", database, port, extraEnv);
    }

    private static QuarkusService service(String name, String database, int port, Map<String, String> extraEnv) {
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(database);
        Map<String, String> env = new HashMap<>(Platform.serviceEnvironment(
                new Platform.ServiceModule(name, database), pg.host(), pg.port(), pg.user(), pg.password(),
                BuildInfrastructure.kafkaBootstrapServers(), BuildInfrastructure.keycloakUrl(), "", "", ""));
        env.putAll(extraEnv);
        return new QuarkusService(name, BuildInfrastructure.buildRoot().resolve(name + "/target/quarkus-app/quarkus-run.jar"),
                port, env);
    }
}
