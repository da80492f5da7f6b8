package fr.territoires.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus (Debian's {@code prometheus} package, installed when missing and root) scraping
 * the local platform every 5 s with the platform's alert rules (monitoring/alert-rules.yml, the
 * rules the Kubernetes PrometheusRule is generated from). Jobs are named like the Kubernetes
 * ServiceMonitor's (the service's name, {@code keycloak}), so that the same rules apply.
 */
public final class PrometheusServer implements Component {

    private final Path dir;
    private final int port;
    private final Map<String, String> services;
    private final String keycloakManagement;

    /** @param services job (service name) → host:port serving /q/metrics; @param keycloakManagement host:port or null */
    public PrometheusServer(Path runDir, int port, Map<String, String> services, String keycloakManagement) {
        this.dir = runDir.resolve("prometheus");
        this.port = port;
        this.services = services;
        this.keycloakManagement = keycloakManagement;
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public String address() {
        return url() + "/targets";
    }

    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public Launch prepare() throws IOException {
        Path binary = PrometheusBinaries.require("prometheus");
        Files.createDirectories(dir.resolve("data"));
        try (InputStream rules = PrometheusServer.class.getResourceAsStream("/monitoring/alert-rules.yml")) {
            Files.copy(rules, dir.resolve("alert-rules.yml"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("prometheus.yml"), config());
        return new Launch(List.of(binary.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=2d",
                "--web.listen-address=127.0.0.1:" + port,
                "--web.external-url=" + url()),
                Map.of(), dir);
    }

    /** The scrape configuration: one job per service, Keycloak's when it runs here. */
    String config() {
        StringBuilder yml = new StringBuilder("""
                # Written by ./platform up --monitoring (platform-stack PrometheusServer): do not edit.
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                rule_files:
                  - alert-rules.yml
                scrape_configs:
                """);
        services.forEach((job, target) -> yml.append("  - job_name: ").append(job).append('\n')
                .append("    metrics_path: /q/metrics\n")
                .append("    static_configs:\n")
                .append("      - targets: ['").append(target).append("']\n"));
        if (keycloakManagement != null) {
            yml.append("  - job_name: keycloak\n")
                    .append("    metrics_path: /metrics\n")
                    .append("    static_configs:\n")
                    .append("      - targets: ['").append(keycloakManagement).append("']\n");
        }
        return yml.toString();
    }

    @Override
    public boolean isReady() {
        return Http.status("http://127.0.0.1:" + port + "/-/ready") == 200;
    }
}
