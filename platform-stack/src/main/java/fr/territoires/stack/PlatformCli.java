package fr.territoires.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./platform up|down|status}: the local platform as processes this tool started. */
public final class PlatformCli {

    private PlatformCli() {
    }

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "help";
        try {
            Platform platform = new Platform(Path.of("").toAbsolutePath(),
                    PlatformSettings.fromEnvironment(System.getenv()));
            Stack stack = new Stack(platform.runDir(), System.out::println);
            switch (command) {
                case "up" -> up(platform, stack, java.util.Arrays.asList(args).contains("--monitoring"));
                case "down" -> down(platform, stack);
                case "status" -> status(platform, stack);
                case "events" -> events(platform, java.util.Arrays.copyOfRange(args, 1, args.length));
                default -> {
                    System.out.println("usage: ./platform up | down | status | events [topic]");
                    System.exit("help".equals(command) ? 0 : 2);
                }
            }
        } catch (StackException e) {
            System.err.println();
            System.err.println("platform " + command + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(Platform platform, Stack stack, boolean monitoring) {
        long start = System.nanoTime();
        System.out.println("Starting infrastructure (PostgreSQL, Kafka, Keycloak)…");
        stack.start(platform.infrastructure());
        System.out.println("Starting services…");
        stack.start(platform.services());
        if (monitoring) {
            System.out.println("Starting Prometheus (alert rules of docs/operations.md)…");
            stack.start(List.of(platform.monitoring()));
        }
        System.out.printf("%nTerritoires d'industrie platform is up (%.0f s).%n%n", (System.nanoTime() - start) / 1e9);
        PlatformSettings s = platform.settings();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Web console", "http://localhost:" + s.gatewayPort() + "/"});
        rows.add(new String[] {"Gateway (single entry point)", "http://localhost:" + s.gatewayPort() + "/api"});
        for (QuarkusService service : platform.services()) {
            rows.add(new String[] {service.name() + " Swagger UI", service.address()});
        }
        rows.add(new String[] {"Keycloak admin console", s.keycloakUrl() + "/admin  (admin / admin)"});
        rows.add(new String[] {"Keycloak realm", s.keycloakUrl() + "/realms/" + KeycloakServer.REALM});
        rows.add(new String[] {"Kafka bootstrap", s.kafkaBootstrapServers()});
        if (monitoring) {
            rows.add(new String[] {"Prometheus (targets, alerts)", platform.monitoring().url() + "/targets  "
                    + platform.monitoring().url() + "/alerts"});
        }
        rows.add(new String[] {"PostgreSQL", s.dbHost() + ":" + s.dbPort() + "  (" + s.dbUser() + " / "
                + s.dbPassword() + ")"});
        for (String[] row : rows) {
            System.out.printf("  %-32s %s%n", row[0], row[1]);
        }
        System.out.println();
        System.out.println("  Demo logins (realm territoires, password: " + DemoUsers.PASSWORD + ")");
        for (String[] user : DemoUsers.ALL) {
            System.out.printf("    %-24s %s%n", user[0], user[1]);
        }
        System.out.println();
        System.out.println("  Logs: " + stack.runDir().resolve("logs") + "   Stop: ./platform down   Status: ./platform status");
    }

    /**
     * Prints the events of the running platform as a partner receives them (key, CloudEvents
     * headers, JSON payload), from the beginning of the topic, until Ctrl-C. Kafka's own console
     * consumer, from the jars the broker runs with.
     */
    private static void events(Platform platform, String[] args) {
        String topics = args.length > 0 ? java.util.regex.Pattern.quote(args[0])
                : "territory\\.events|funding\\.events|recruitment\\.events";
        try {
            java.nio.file.Path log4j = java.nio.file.Files.createTempFile("platform-events-log4j2", ".properties");
            java.nio.file.Files.writeString(log4j, "rootLogger.level=ERROR\n");
            log4j.toFile().deleteOnExit();
            Process process = new ProcessBuilder(Jdks.current().resolve("bin/java").toString(), "-Xmx256m",
                    "-Dlog4j2.configurationFile=" + log4j, "-cp", Artifacts.kafkaClasspath(),
                    "org.apache.kafka.tools.consumer.ConsoleConsumer",
                    "--bootstrap-server", platform.settings().kafkaBootstrapServers(),
                    "--include", topics, "--from-beginning",
                    "--property", "print.key=true",
                    "--property", "print.headers=true",
                    "--property", "print.partition=true",
                    "--property", "print.offset=true")
                    .inheritIO().start();
            System.exit(process.waitFor());
        } catch (java.io.IOException e) {
            throw new StackException("could not start Kafka's console consumer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void down(Platform platform, Stack stack) {
        System.out.println("Stopping the platform…");
        stack.stop(List.of(platform.monitoring()));
        stack.stop(platform.services());
        stack.stop(platform.infrastructure());
        System.out.println("Stopped.");
    }

    private static void status(Platform platform, Stack stack) {
        List<Component> all = new ArrayList<>(platform.infrastructure());
        all.addAll(platform.services());
        all.add(platform.monitoring());
        System.out.printf("  %-20s %-9s %-8s %s%n", "COMPONENT", "STATE", "PID", "ADDRESS");
        for (Component c : all) {
            String pid = stack.running(c).map(t -> String.valueOf(t.pid())).orElse("-");
            System.out.printf("  %-20s %-9s %-8s %s%n", c.name(), stack.state(c).name().toLowerCase(), pid, c.address());
        }
        PlatformSettings s = platform.settings();
        s.externalDbHost().ifPresent(h -> System.out.println("  postgres             external  " + h));
        s.externalKafka().ifPresent(k -> System.out.println("  kafka                external  " + k));
        s.externalKeycloak().ifPresent(k -> System.out.println("  keycloak             external  " + k));
    }
}
