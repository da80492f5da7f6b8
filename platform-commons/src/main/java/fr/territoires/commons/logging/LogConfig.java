package fr.territoires.commons.logging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the console log is written: plain text (the pattern of quarkus.log.console.format) or JSON. */
@ConfigMapping(prefix = "platform.log")
public interface LogConfig {

    /** One JSON object per line (Kubernetes: profile k8s); plain text otherwise. */
    @WithDefault("false")
    boolean json();
}
