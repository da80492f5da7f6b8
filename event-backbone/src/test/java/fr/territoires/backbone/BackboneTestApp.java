package fr.territoires.backbone;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;

/** Where the backbone's own tests run: their database and a broker of their own. */
public final class BackboneTestApp {

    public static final String DATABASE = "backbone";
    public static final String BROKER = "backbone-kafka";
    public static final Sql DB = Sql.on(DATABASE);
    public static final String CONSUMER = "backbone-test";

    private BackboneTestApp() {
    }

    public static BuildInfrastructure.DedicatedKafka kafka() {
        return RealInfrastructure.dedicatedKafka(BROKER);
    }

    public static String bootstrap() {
        return kafka().bootstrapServers();
    }
}
