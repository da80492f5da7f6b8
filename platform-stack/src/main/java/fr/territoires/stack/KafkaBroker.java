package fr.territoires.stack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A real Apache Kafka broker, one combined KRaft node, from the Maven Central jars. */
public final class KafkaBroker implements Component {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final boolean throwaway;

    public KafkaBroker(Path runDir, int port, int controllerPort, boolean throwaway) {
        this.dir = runDir.resolve("kafka");
        this.port = port;
        this.controllerPort = controllerPort;
        this.throwaway = throwaway;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port, controllerPort);
    }

    @Override
    public String address() {
        return "localhost:" + port;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public Launch prepare() throws IOException {
        Path data = dir.resolve("data");
        if (throwaway) {
            Dirs.deleteRecursively(data);
        }
        Files.createDirectories(data);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                ""));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, String.join("\n",
                "status=warn",
                "appender.console.type=Console",
                "appender.console.name=STDOUT",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                ""));
        String java = Jdks.current().resolve("bin/java").toString();
        String classpath = Artifacts.kafkaClasspath();
        if (!Files.exists(data.resolve("meta.properties"))) {
            OsProcesses.run(List.of(java, "-Xmx256m", "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath,
                    "kafka.tools.StorageTool", "format", "--config", config.toString(),
                    "--cluster-id", randomClusterId(), "--ignore-formatted"), Map.of(), dir, Duration.ofMinutes(2));
        }
        return new Launch(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", config.toString()),
                Map.of(), dir);
    }

    /** Ready when the broker answers an ApiVersions request on its client listener. */
    @Override
    public boolean isReady() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            byte[] clientId = "platform-stack".getBytes(StandardCharsets.UTF_8);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(2 + 2 + 4 + 2 + clientId.length);
            out.writeShort(18); // ApiVersions
            out.writeShort(0);
            out.writeInt(4242); // correlation id
            out.writeShort(clientId.length);
            out.write(clientId);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            return size >= 6 && in.readInt() == 4242 && in.readShort() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A KRaft cluster id; never starting with '-', which the storage tool would read as an option. */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
