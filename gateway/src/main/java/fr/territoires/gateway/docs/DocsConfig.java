package fr.territoires.gateway.docs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** What the merged API documentation announces (docs/gateway.md). */
@ConfigMapping(prefix = "gateway.docs")
public interface DocsConfig {

    /** The addresses partners call, in the merged document's {@code servers}. */
    List<Server> servers();

    /** How long one fetch of a service's OpenAPI document may take (a busy service can be slow to answer). */
    @WithDefault("10s")
    Duration fetchTimeout();

    /** How many times a service's document is asked for before it is named in x-unavailable-services. */
    @WithDefault("3")
    int fetchAttempts();

    interface Server {
        String url();

        String description();
    }
}
