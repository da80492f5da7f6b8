package fr.territoires.gateway.docs;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** What the merged API documentation announces (docs/gateway.md). */
@ConfigMapping(prefix = "gateway.docs")
public interface DocsConfig {

    /** The addresses partners call, in the merged document's {@code servers}. */
    List<Server> servers();

    interface Server {
        String url();

        String description();
    }
}
