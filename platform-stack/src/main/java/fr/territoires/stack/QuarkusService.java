package fr.territoires.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the platform's Quarkus services, run from its fast-jar. */
public final class QuarkusService implements Component {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;

    public QuarkusService(String name, Path jar, int port, Map<String, String> env) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public String address() {
        return url() + "/q/swagger-ui";
    }

    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public Launch prepare() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new Launch(List.of(Jdks.current().resolve("bin/java").toString(), "-Xms64m", "-Xmx256m",
                "-XX:+UseSerialGC", "-jar", jar.toString()), all, jar.getParent());
    }

    @Override
    public boolean isReady() {
        return Http.status("http://127.0.0.1:" + port + "/q/health/ready") == 200;
    }
}
