package fr.territoires.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.events.EventType;
import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.Platform;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import fr.territoires.testing.RealTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with -Pbenchmark): the chaos figure of issue #15. The three packaged
 * services on real PostgreSQL, Keycloak and a Kafka broker of the benchmark's own; 10,000 state
 * changes from 8 concurrent writers across the three services (territory status changes, recruitment
 * needs declared and changed, funding approvals that commit money), while the broker is killed
 * (SIGKILL) and restarted twice and each consuming service (funding, recruitment) is killed once
 * (SIGKILL) and restarted. At the end, from the sources' databases, every topic read from the
 * beginning by an independent consumer, and the consumers' databases: events lost, applied twice,
 * per-key order violations (ce_sequence), replicas against their source.
 *
 * <p>Writers retry what fails during the outages, idempotently: a status change and a need change
 * carry If-Match (a retry of a change that did commit gets 412, and the writer reads the source to
 * know), an approval carries an Idempotency-Key, a declaration has a unique title that the writer
 * looks up in the source before declaring again. The truth is what the sources committed.
 */
class ChaosBenchmark {

    private static final Path ROOT = BuildInfrastructure.buildRoot();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TERRITORY_DB = "chaos_territory";
    private static final String FUNDING_DB = "chaos_funding";
    private static final String RECRUITMENT_DB = "chaos_recruitment";

    private static final int CHANGES = Integer.getInteger("chaos.changes", 10_000);
    private static final int TERRITORY_WRITERS = 3;
    private static final int RECRUITMENT_WRITERS = 3;
    private static final int FUNDING_WRITERS = 2;
    private static final int WRITERS = TERRITORY_WRITERS + RECRUITMENT_WRITERS + FUNDING_WRITERS;
    /** Territories whose status the territory writers toggle, each writer its own. */
    private static final int TOGGLED = 120;
    /** Territories (never toggled) where companies declare needs and applications are approved. */
    private static final int HOSTS = 24;
    private static final Duration BROKER_DOWN = Duration.ofSeconds(20);

    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private volatile String chaosFailed;
    private final Map<String, AtomicInteger> failuresByKind = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> writerErrors = new ConcurrentLinkedQueue<>();
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long startNanos;

    private BuildInfrastructure.Postgres pg;
    private String keycloak;
    private volatile String token;
    private volatile long tokenAt;

    @Test
    void chaos() throws Exception {
        pg = BuildInfrastructure.postgres(TERRITORY_DB, FUNDING_DB, RECRUITMENT_DB);
        recreateDatabases();
        keycloak = BuildInfrastructure.keycloakUrl();
        BuildInfrastructure.DedicatedKafka kafka = BuildInfrastructure.dedicatedKafka("chaos-kafka");
        String bootstrap = kafka.bootstrapServers();
        Path kafkaPid = ROOT.resolve("target/test-infra/chaos-kafka/run/kafka.pid");

        Stack stack = new Stack(ROOT.resolve("e2e-tests/target/chaos"), line -> System.out.println("[chaos]" + line));
        QuarkusService territory = service("territory-service", TERRITORY_DB, bootstrap, Map.of("TI_OFFICIAL_LISTS", "true"));
        QuarkusService funding = service("funding-service", FUNDING_DB, bootstrap, Map.of());
        QuarkusService recruitment = service("recruitment-service", RECRUITMENT_DB, bootstrap, Map.of());
        List<QuarkusService> services = List.of(territory, funding, recruitment);
        try {
            stack.start(services);
            for (QuarkusService s : services) {
                BuildInfrastructure.stopWhenBuildEnds(stack, s);
            }
            run(stack, territory, funding, recruitment, kafka, kafkaPid, bootstrap);
        } finally {
            stack.stop(services);
            kafka.stop();
        }
    }

    private void run(Stack stack, QuarkusService territory, QuarkusService funding, QuarkusService recruitment,
            BuildInfrastructure.DedicatedKafka kafka, Path kafkaPid, String bootstrap) throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        // The official lists reach both replicas through territory.events.
        List<String> codes = column(TERRITORY_DB, "SELECT code FROM territory WHERE status = 'LABELLED' ORDER BY code");
        awaitTrue("both replicas hold the " + codes.size() + " territories", Duration.ofMinutes(5), () ->
                count(FUNDING_DB, "SELECT count(*) FROM territory WHERE status = 'LABELLED'") == codes.size()
                        && count(RECRUITMENT_DB, "SELECT count(*) FROM territory WHERE status = 'LABELLED'") == codes.size());
        List<String> toggled = codes.subList(0, TOGGLED);
        List<Host> hosts = hosts(codes.subList(TOGGLED, codes.size()), today);
        log("setup: " + codes.size() + " territories, " + toggled.size() + " toggled, " + hosts.size() + " hosts");

        // Setup (not counted, before the chaos): one company and one need per host territory, envelopes,
        // and the applications under review that the funding writers approve.
        for (Host h : hosts) {
            expect(201, send("POST", recruitment.url() + "/api/recruitment/companies", null, null, Map.of("siret", h.siret,
                    "name", "Chaos " + h.code, "nafCode", "25.11Z", "commune", h.commune, "sizeBand", "SMALL")));
            JsonNode need = JSON.readTree(expect(201, send("POST", recruitment.url() + "/api/recruitment/needs", null, null,
                    needBody(h.siret, "chaos setup " + h.code, 1, today))).body());
            h.setupNeed = need.path("id").asText();
        }
        List<String> envelopes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode e = JSON.readTree(expect(201, send("POST", funding.url() + "/api/funding/envelopes", null, null,
                    Map.of("funder", "STATE_ANCT", "name", "Chaos " + i, "priority", "RECRUIT", "scope", "NATIONAL",
                            "firstYear", today.getYear() - 1, "lastYear", today.getYear() + 3,
                            "ceiling", "500000000.00"))).body());
            envelopes.add(e.path("id").asText());
        }
        int perWriter = CHANGES / WRITERS;
        List<List<UUID>> applications = new ArrayList<>();
        for (int w = 0; w < FUNDING_WRITERS; w++) {
            applications.add(applications(hosts, envelopes, perWriter, w));
        }
        awaitTrue("funding knows the setup needs", Duration.ofMinutes(2), () ->
                count(FUNDING_DB, "SELECT count(*) FROM known_reference WHERE kind = 'NEED'") >= hosts.size());

        // The 8 writers and the chaos.
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        List<Future<Integer>> writers = new ArrayList<>();
        startNanos = System.nanoTime();
        log("writers start: " + WRITERS + " writers, " + perWriter * WRITERS + " changes");
        for (int w = 0; w < TERRITORY_WRITERS; w++) {
            List<String> own = new ArrayList<>();
            for (int i = w; i < toggled.size(); i += TERRITORY_WRITERS) {
                own.add(toggled.get(i));
            }
            writers.add(pool.submit(guarded(() -> territoryWriter(territory.url(), own, perWriter))));
        }
        for (int w = 0; w < RECRUITMENT_WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(guarded(() -> recruitmentWriter(recruitment.url(), hosts, writer, perWriter, today))));
        }
        for (int w = 0; w < FUNDING_WRITERS; w++) {
            List<UUID> own = applications.get(w);
            writers.add(pool.submit(guarded(() -> fundingWriter(funding.url(), own))));
        }
        int total = perWriter * WRITERS;
        Future<?> chaos = pool.submit(() -> {
            try {
                awaitDone(total / 10);
                killBroker(kafka, kafkaPid, "1st");
                awaitDone(total * 3 / 10);
                killService(stack, funding);
                awaitDone(total / 2);
                killBroker(kafka, kafkaPid, "2nd");
                awaitDone(total * 7 / 10);
                killService(stack, recruitment);
                return null;
            } catch (Exception | Error e) {
                chaosFailed = String.valueOf(e);
                log("chaos failed: " + e);
                throw e;
            }
        });
        int acknowledged = 0;
        for (Future<Integer> f : writers) {
            acknowledged += f.get();
        }
        double writeSeconds = (System.nanoTime() - startNanos) / 1e9;
        log("writers done: " + acknowledged + " changes acknowledged in " + String.format("%.1f", writeSeconds) + " s");
        chaos.get();
        pool.shutdown();

        // Drain: every outbox published, every event a consumer handles applied.
        awaitTrue("every outbox published", Duration.ofMinutes(5), () -> unpublished() == 0);
        Set<String> fundingTypes = Set.of(EventType.TERRITORY_LABELLED.type(), EventType.TERRITORY_STATUS_CHANGED.type(),
                EventType.TERRITORY_PERIMETER_CHANGED.type(), EventType.ACTION_SHEET_ADDED.type(),
                EventType.NEED_PUBLISHED.type(), EventType.NEED_UPDATED.type());
        Set<String> recruitmentTypes = Set.of(EventType.TERRITORY_LABELLED.type(), EventType.TERRITORY_STATUS_CHANGED.type(),
                EventType.TERRITORY_PERIMETER_CHANGED.type(), EventType.FUNDS_COMMITTED.type(),
                EventType.FUNDS_DECOMMITTED.type());
        Map<String, Source> outbox = new HashMap<>();
        for (String db : List.of(TERRITORY_DB, FUNDING_DB, RECRUITMENT_DB)) {
            outbox.putAll(outboxOf(db));
        }
        long expectedFunding = outbox.values().stream().filter(e -> fundingTypes.contains(e.type)).count();
        long expectedRecruitment = outbox.values().stream().filter(e -> recruitmentTypes.contains(e.type)).count();
        awaitTrue("the consumers applied what they handle", Duration.ofMinutes(5), () ->
                count(FUNDING_DB, "SELECT count(*) FROM consumed_event") + count(FUNDING_DB,
                        "SELECT count(*) FROM dead_letter") >= expectedFunding
                        && count(RECRUITMENT_DB, "SELECT count(*) FROM consumed_event") + count(RECRUITMENT_DB,
                        "SELECT count(*) FROM dead_letter") >= expectedRecruitment);
        double drainedSeconds = (System.nanoTime() - startNanos) / 1e9;
        log("drained");

        // The truth: what the sources committed.
        long statusChanges = count(TERRITORY_DB, "SELECT count(*) FROM outbox_event WHERE event_type = ? AND event_key = ANY (?)",
                EventType.TERRITORY_STATUS_CHANGED.type(), toggled.toArray(String[]::new));
        long needChanges = count(RECRUITMENT_DB, """
                SELECT count(*) FROM need_change c JOIN recruitment_need n ON n.id = c.need_id
                WHERE n.job_title LIKE 'chaos r%' AND c.kind IN ('PUBLISHED', 'UPDATED')""");
        long approvals = count(FUNDING_DB, "SELECT count(*) FROM commitment");
        long committed = statusChanges + needChanges + approvals;
        long declaredTwice = count(RECRUITMENT_DB, """
                SELECT count(*) FROM (SELECT job_title FROM recruitment_need WHERE job_title LIKE 'chaos r%'
                                      GROUP BY job_title HAVING count(*) > 1) twice""");

        // An independent consumer reads every topic from the beginning.
        List<Read> records = readAll(bootstrap, List.of(Topics.TERRITORY, Topics.FUNDING, Topics.RECRUITMENT));
        Set<String> onKafka = new HashSet<>();
        long copies = 0;
        long unknown = 0;
        long sequenceMismatch = 0;
        long violations = 0;
        long gaps = 0;
        long withoutSequence = records.stream().filter(r -> r.sequence < 0).count();
        Map<String, Long> lastSequence = new HashMap<>();
        List<String> violationSamples = new ArrayList<>();
        for (Read r : records) {
            if (!onKafka.add(r.id)) {
                copies++; // the relay delivers at least once: a copy of an event already read
                continue;
            }
            Source s = outbox.get(r.id);
            if (s == null) {
                unknown++;
            } else if (s.sequence != r.sequence) {
                sequenceMismatch++;
            }
            String key = r.topic + "/" + r.key;
            long last = lastSequence.getOrDefault(key, 0L);
            if (r.sequence <= last) {
                violations++;
                if (violationSamples.size() < 10) {
                    violationSamples.add(key + ": " + r.sequence + " after " + last + " (" + r.type + ")");
                }
            } else {
                if (r.sequence != last + 1) {
                    gaps++;
                }
                lastSequence.put(key, r.sequence);
            }
        }
        long lostOnKafka = outbox.keySet().stream().filter(id -> !onKafka.contains(id)).count();

        Consumer fundingConsumer = consumer(FUNDING_DB, outbox, fundingTypes);
        Consumer recruitmentConsumer = consumer(RECRUITMENT_DB, outbox, recruitmentTypes);

        long fundingReplica = replicaDifferences(FUNDING_DB, today);
        long recruitmentReplica = replicaDifferences(RECRUITMENT_DB, today);
        long knownNeeds = referenceDifferences();
        long fundedActions = fundedActionDifferences();

        StringBuilder report = new StringBuilder();
        report.append("| figure | value |\n|---|---|\n");
        row(report, "writers (territory / recruitment / funding)", TERRITORY_WRITERS + " / " + RECRUITMENT_WRITERS + " / "
                + FUNDING_WRITERS);
        row(report, "changes acknowledged to the writers (2xx)", acknowledged);
        row(report, "changes committed by the sources (status changes + need declarations/changes + approvals)",
                committed + " (" + statusChanges + " + " + needChanges + " + " + approvals + ")");
        row(report, "needs declared twice by a retry", declaredTwice);
        row(report, "approvals answered from the idempotency record (a retry of one that had committed)", replayed.get());
        row(report, "requests retried (failed during an outage)", retries.get() + " " + new TreeMap<>(failuresByKind));
        row(report, "events in the outboxes (incl. setup and the official lists)", outbox.size());
        row(report, "events still unpublished at the end", unpublished());
        row(report, "records read from the three topics", records.size());
        row(report, "events lost on Kafka (in an outbox, never on its topic)", lostOnKafka);
        row(report, "records not from an outbox", unknown);
        row(report, "redelivered copies on Kafka (same ce_id again, at least once)", copies);
        row(report, "per-key order violations (ce_sequence not above the key's last)", violations);
        row(report, "per-key sequence gaps", gaps);
        row(report, "records without ce_sequence", withoutSequence);
        row(report, "ce_sequence different from the outbox's", sequenceMismatch);
        fundingConsumer.report(report, "funding-service");
        recruitmentConsumer.report(report, "recruitment-service");
        row(report, "funding's territory replica ≠ registry (territories with another status or EPCI set)", fundingReplica);
        row(report, "recruitment's territory replica ≠ registry", recruitmentReplica);
        row(report, "funding's known needs ≠ recruitment's needs (id, territory)", knownNeeds);
        row(report, "recruitment's funded actions ≠ funding's commitments naming needs", fundedActions);
        row(report, "seconds: writes / until drained", String.format("%.1f / %.1f", writeSeconds, drainedSeconds));
        StringBuilder out = new StringBuilder(report);
        out.append("\nTimeline (s from the writers' start):\n\n");
        synchronized (timeline) {
            timeline.forEach(t -> out.append("- ").append(t).append('\n'));
        }
        if (!violationSamples.isEmpty()) {
            out.append("\nOrder violations (first ").append(violationSamples.size()).append("):\n\n");
            violationSamples.forEach(v -> out.append("- ").append(v).append('\n'));
        }
        if (!writerErrors.isEmpty()) {
            out.append("\nWriter errors (first 20):\n\n");
            writerErrors.stream().limit(20).forEach(e -> out.append("- ").append(e).append('\n'));
        }
        Path file = ROOT.resolve("e2e-tests/target/benchmarks/chaos.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println("\n" + out);

        assertEquals(0, lostOnKafka, "events lost on Kafka");
        assertEquals(0, violations, "per-key order violations");
        assertEquals(0, fundingConsumer.missing + recruitmentConsumer.missing, "events not applied");
        assertEquals(0, fundingConsumer.twice + recruitmentConsumer.twice, "events applied twice");
        assertEquals(0, fundingReplica + recruitmentReplica + knownNeeds + fundedActions, "replicas ≠ source");
        assertEquals(0, declaredTwice, "declared twice");
        assertEquals(committed, acknowledged, "acknowledged ≠ committed");
    }

    // ---- writers -------------------------------------------------------------------------------------

    /** A writer whose failure stops the chaos too. */
    private java.util.concurrent.Callable<Integer> guarded(java.util.concurrent.Callable<Integer> writer) {
        return () -> {
            try {
                return writer.call();
            } catch (Exception | Error e) {
                writerErrors.add(String.valueOf(e));
                throw e;
            }
        };
    }

    /** Toggles its territories LABELLED ↔ LEFT with If-Match; a retry of a change that committed gets 412. */
    private int territoryWriter(String base, List<String> own, int changes) throws Exception {
        Map<String, String> status = new HashMap<>();
        Map<String, Long> version = new HashMap<>();
        try (Connection db = connect(TERRITORY_DB)) {
            for (String code : own) {
                Object[] row = territoryRow(db, code);
                status.put(code, (String) row[0]);
                version.put(code, (Long) row[1]);
            }
            int acknowledged = 0;
            for (int i = 0; i < changes; i++) {
                String code = own.get(i % own.size());
                String target = status.get(code).equals("LABELLED") ? "LEFT" : "LABELLED";
                for (int attempt = 1;; attempt++) {
                    HttpResponse<String> r = send("PUT", base + "/api/territories/" + code + "/status",
                            version.get(code), null, Map.of("status", target, "reason", "chaos"));
                    if (r != null && r.statusCode() == 200) {
                        version.put(code, etag(r));
                        break;
                    }
                    if (r != null && r.statusCode() == 412) {
                        Object[] row = territoryRow(db, code);
                        version.put(code, (Long) row[1]);
                        if (row[0].equals(target)) {
                            break; // an earlier attempt committed it
                        }
                        continue;
                    }
                    retryOrFail(r, "territory " + code + " → " + target, attempt);
                }
                status.put(code, target);
                acknowledged++;
                done.incrementAndGet();
            }
            return acknowledged;
        }
    }

    private static Object[] territoryRow(Connection db, String code) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT status, version FROM territory WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Object[] {rs.getString(1), rs.getLong(2)};
            }
        }
    }

    /** Declares needs (unique titles, looked up before a retry) and changes them (If-Match), in turn. */
    private int recruitmentWriter(String base, List<Host> hosts, int writer, int changes, LocalDate today) throws Exception {
        record Need(String id, String siret, String title, long version, int headcount) {
        }
        List<Need> needs = new ArrayList<>();
        try (Connection db = connect(RECRUITMENT_DB)) {
            int acknowledged = 0;
            for (int i = 0; i < changes; i++) {
                if (i % 2 == 0) {
                    Host h = hosts.get((writer + i) % hosts.size());
                    String title = "chaos r" + writer + " #" + i;
                    Need declared = null;
                    for (int attempt = 1; declared == null; attempt++) {
                        HttpResponse<String> r = send("POST", base + "/api/recruitment/needs", null, null,
                                needBody(h.siret, title, 1, today));
                        if (r != null && r.statusCode() == 201) {
                            declared = new Need(JSON.readTree(r.body()).path("id").asText(), h.siret, title,
                                    r.headers().firstValue("ETag").isPresent() ? etag(r) : 0L, 1);
                            break;
                        }
                        retryOrFail(r, "declare " + title, attempt);
                        Object[] row = needRow(db, "job_title", title);
                        if (row != null) {
                            declared = new Need((String) row[0], h.siret, title, (Long) row[1], (Integer) row[2]);
                        }
                    }
                    needs.add(declared);
                } else {
                    int index = (i / 2) % needs.size();
                    Need n = needs.get(index);
                    int target = n.headcount % 20 + 1;
                    long version = n.version;
                    for (int attempt = 1;; attempt++) {
                        HttpResponse<String> r = send("PUT", base + "/api/recruitment/needs/" + n.id, version, null,
                                needBody(n.siret, n.title, target, today));
                        if (r != null && r.statusCode() == 200) {
                            version = etag(r);
                            break;
                        }
                        if (r != null && r.statusCode() == 412) {
                            Object[] row = needRow(db, "id", n.id);
                            version = (Long) row[1];
                            if ((Integer) row[2] == target) {
                                break; // an earlier attempt committed it
                            }
                            continue;
                        }
                        retryOrFail(r, "change need " + n.id, attempt);
                    }
                    needs.set(index, new Need(n.id, n.siret, n.title, version, target));
                }
                acknowledged++;
                done.incrementAndGet();
            }
            return acknowledged;
        }
    }

    private static Object[] needRow(Connection db, String column, String value) throws SQLException {
        String where = column.equals("id") ? "id = CAST(? AS uuid)" : "job_title = ?";
        try (PreparedStatement ps = db.prepareStatement("SELECT id::text, version, headcount FROM recruitment_need WHERE "
                + where)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3)} : null;
            }
        }
    }

    /** Approves its applications, each with its own Idempotency-Key: a retry never commits twice. */
    private int fundingWriter(String base, List<UUID> own) throws Exception {
        int acknowledged = 0;
        for (UUID id : own) {
            for (int attempt = 1;; attempt++) {
                HttpResponse<String> r = send("POST", base + "/api/funding/applications/" + id + "/decision", null,
                        "chaos-" + id, Map.of("decision", "APPROVED"));
                if (r != null && r.statusCode() == 200) {
                    if (r.headers().firstValue("Idempotent-Replayed").isPresent()) {
                        replayed.incrementAndGet();
                    }
                    break;
                }
                // 409: the same key's first attempt may still be in progress.
                if (r != null && r.statusCode() == 409 && attempt < 100) {
                    retries.incrementAndGet();
                    failuresByKind.computeIfAbsent("409", k -> new AtomicInteger()).incrementAndGet();
                    Thread.sleep(500);
                    continue;
                }
                retryOrFail(r, "approve " + id, attempt);
            }
            acknowledged++;
            done.incrementAndGet();
        }
        return acknowledged;
    }

    /** A failure during an outage (no answer, 5xx) is retried; anything else is a bug. */
    private void retryOrFail(HttpResponse<String> r, String what, int attempt) throws InterruptedException {
        String kind = r == null ? "no answer" : String.valueOf(r.statusCode());
        // 401: a token signed with keys the restarted service has not fetched yet is refused a moment.
        boolean transientFailure = r == null || r.statusCode() >= 500 || r.statusCode() == 401;
        if (!transientFailure || attempt > 2000) {
            String error = what + ": " + kind + " " + (r == null ? "" : r.body());
            writerErrors.add(error);
            throw new IllegalStateException(error);
        }
        if (chaosFailed != null) {
            throw new IllegalStateException("the chaos failed: " + chaosFailed);
        }
        retries.incrementAndGet();
        failuresByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        Thread.sleep(Math.min(2000, 100L * attempt));
    }

    // ---- chaos ---------------------------------------------------------------------------------------

    private void awaitDone(int changes) throws InterruptedException {
        while (done.get() < changes) {
            if (!writerErrors.isEmpty()) {
                throw new IllegalStateException("a writer failed: " + writerErrors.peek());
            }
            Thread.sleep(100);
        }
    }

    private void killBroker(BuildInfrastructure.DedicatedKafka kafka, Path pidFile, String which) throws InterruptedException {
        long pid = OsProcesses.Tracked.read(pidFile).orElseThrow().pid();
        OsProcesses.stopGroup(pid, "KILL", Duration.ofSeconds(5));
        log(which + " broker SIGKILL (pid " + pid + ") at " + done.get() + " changes");
        Thread.sleep(BROKER_DOWN.toMillis());
        int port = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ((OsProcesses.groupAlive(pid) || OsProcesses.listenerOf(port).isPresent()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        kafka.start();
        log(which + " broker back at " + done.get() + " changes");
    }

    /**
     * SIGKILL, then a restart on the same port. Under load a killed JVM may take a while to go, its
     * port still listening: the restart waits for the port (a first run's restart failed on it).
     */
    private void killService(Stack stack, QuarkusService service) throws Exception {
        long pid = stack.running(service).orElseThrow().pid();
        OsProcesses.stopGroup(pid, "KILL", Duration.ofSeconds(5));
        log(service.name() + " SIGKILL (pid " + pid + ") at " + done.get() + " changes");
        int port = service.ports().get(0);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ((OsProcesses.groupAlive(pid) || OsProcesses.listenerOf(port).isPresent()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (int attempt = 1;; attempt++) {
            try {
                stack.start(List.of(service));
                break;
            } catch (RuntimeException e) {
                log(service.name() + " restart failed (" + e.getMessage().lines().findFirst().orElse("") + ")");
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(5000);
            }
        }
        BuildInfrastructure.stopWhenBuildEnds(stack, service);
        log(service.name() + " back at " + done.get() + " changes");
    }

    private void log(String what) {
        double at = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        String line = String.format("%6.1f s  %s", at, what);
        timeline.add(line);
        System.out.println("[chaos] " + line);
    }

    // ---- checks --------------------------------------------------------------------------------------

    record Source(String type, long sequence) {
    }

    record Read(String topic, String key, String id, String type, long sequence) {
    }

    /** A consumer's account: what it handles, applied, missing, parked, applied twice. */
    record Consumer(long expected, long applied, long missing, long parked, long twice) {

        void report(StringBuilder report, String name) {
            row(report, name + ": events it handles / applied (consumed_event)", expected + " / " + applied);
            row(report, name + ": events lost (handled type, never applied nor parked)", missing);
            row(report, name + ": dead letters", parked);
            row(report, name + ": events applied twice (replica change log per event)", twice);
        }
    }

    private Consumer consumer(String db, Map<String, Source> outbox, Set<String> types) throws SQLException {
        Set<String> applied = new HashSet<>(column(db, "SELECT event_id FROM consumed_event"));
        Set<String> parked = new HashSet<>(column(db,
                "SELECT coalesce(headers::json ->> 'ce_id', '') FROM dead_letter"));
        long expected = 0;
        long missing = 0;
        for (Map.Entry<String, Source> e : outbox.entrySet()) {
            if (types.contains(e.getValue().type)) {
                expected++;
                if (!applied.contains(e.getKey()) && !parked.contains(e.getKey())) {
                    missing++;
                }
            }
        }
        long twice = count(db, "SELECT count(*) - count(DISTINCT event_id) FROM territory_change");
        return new Consumer(expected, applied.size(), missing, count(db, "SELECT count(*) FROM dead_letter"), twice);
    }

    /** Territories whose status or EPCIs in force today differ between the registry and a replica (or are missing). */
    private long replicaDifferences(String replicaDb, LocalDate today) throws SQLException {
        Map<String, String> source = map(TERRITORY_DB, """
                SELECT t.code, t.status || ' ' || coalesce((SELECT string_agg(e.epci_siren, ',' ORDER BY e.epci_siren)
                    FROM territory_epci e WHERE e.territory_code = t.code AND e.valid_from <= ?
                      AND (e.valid_to IS NULL OR e.valid_to > ?)), '') FROM territory t""", today, today);
        Map<String, String> replica = map(replicaDb, """
                SELECT t.code, t.status || ' ' || coalesce((SELECT array_to_string(ARRAY(SELECT unnest(p.epcis) ORDER BY 1), ',')
                    FROM territory_perimeter p WHERE p.territory_code = t.code AND p.effective_on <= ?
                    ORDER BY p.effective_on DESC LIMIT 1), '') FROM territory t""", today);
        return differences(source, replica, replicaDb);
    }

    private long referenceDifferences() throws SQLException {
        Map<String, String> source = map(RECRUITMENT_DB, "SELECT id::text, territory_code FROM recruitment_need");
        Map<String, String> known = map(FUNDING_DB, "SELECT ref, territory_code FROM known_reference WHERE kind = 'NEED'");
        return differences(source, known, "known_reference");
    }

    private long fundedActionDifferences() throws SQLException {
        Map<String, String> source = map(FUNDING_DB, """
                SELECT c.id::text, c.territory_code || ' ' || c.amount FROM commitment c JOIN application a ON a.id = c.application_id
                WHERE cardinality(a.recruitment_needs) > 0""");
        Map<String, String> replica = map(RECRUITMENT_DB, "SELECT commitment_id::text, territory_code || ' ' || amount FROM funded_action");
        return differences(source, replica, "funded_action");
    }

    private long differences(Map<String, String> source, Map<String, String> replica, String what) {
        Set<String> keys = new HashSet<>(source.keySet());
        keys.addAll(replica.keySet());
        long different = 0;
        for (String k : keys) {
            if (!java.util.Objects.equals(source.get(k), replica.get(k))) {
                if (different < 5) {
                    log(what + " differs on " + k + ": source " + source.get(k) + ", replica " + replica.get(k));
                }
                different++;
            }
        }
        return different;
    }

    private long unpublished() throws SQLException {
        long n = 0;
        for (String db : List.of(TERRITORY_DB, FUNDING_DB, RECRUITMENT_DB)) {
            n += count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        }
        return n;
    }

    private Map<String, Source> outboxOf(String db) throws SQLException {
        Map<String, Source> events = new HashMap<>();
        try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id::text, event_type, sequence FROM outbox_event"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.put(rs.getString(1), new Source(rs.getString(2), rs.getLong(3)));
            }
        }
        return events;
    }

    /** Every record of the topics, from the beginning to their ends now, in offset order per partition. */
    private static List<Read> readAll(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Read> reads = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topics to their ends");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    String sequence = header(r, "ce_sequence");
                    reads.add(new Read(r.topic(), r.key(), header(r, "ce_id"), header(r, "ce_type"),
                            sequence == null ? -1 : Long.parseLong(sequence)));
                }
            }
        }
        return reads;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    // ---- setup ---------------------------------------------------------------------------------------

    /** A territory hosting a company: a commune only it holds (so the company's placement is unambiguous). */
    static final class Host {
        final String code;
        final String commune;
        final String siret;
        String setupNeed;

        Host(String code, String commune, String siret) {
            this.code = code;
            this.commune = commune;
            this.siret = siret;
        }
    }

    private List<Host> hosts(List<String> candidates, LocalDate today) throws SQLException {
        List<Host> hosts = new ArrayList<>();
        try (Connection c = connect(RECRUITMENT_DB); PreparedStatement ps = c.prepareStatement("""
                SELECT x.c FROM (SELECT p.communes FROM territory_perimeter p WHERE p.territory_code = ? AND p.effective_on <= ?
                                 ORDER BY p.effective_on DESC LIMIT 1) cur, unnest(cur.communes) AS x(c)
                WHERE (SELECT count(DISTINCT q.territory_code) FROM territory_perimeter q WHERE x.c = ANY (q.communes)) = 1
                ORDER BY x.c LIMIT 1""")) {
            for (String code : candidates) {
                if (hosts.size() == HOSTS) {
                    break;
                }
                ps.setString(1, code);
                ps.setObject(2, today);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        hosts.add(new Host(code, rs.getString(1), siret()));
                    }
                }
            }
        }
        if (hosts.size() < HOSTS) {
            throw new IllegalStateException("only " + hosts.size() + " host territories");
        }
        return hosts;
    }

    /** Applications under review (written straight into funding's database), each naming its territory's setup need. */
    private List<UUID> applications(List<Host> hosts, List<String> envelopes, int count, int writer) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect(FUNDING_DB);
                PreparedStatement app = c.prepareStatement("""
                        INSERT INTO application (id, territory_code, owner_siret, owner_name, owner_local_authority, title,
                            eligible_cost, recruitment_needs, status, created_by, submitted_at)
                        VALUES (?, ?, '55208131766522', 'Chaos', false, ?, 20000, ?, 'UNDER_REVIEW', 'chaos', now())""");
                PreparedStatement line = c.prepareStatement(
                        "INSERT INTO application_line (application_id, envelope_id, requested) VALUES (?, ?, 10000)")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                Host h = hosts.get((i + writer) % hosts.size());
                ids.add(id);
                app.setObject(1, id);
                app.setString(2, h.code);
                app.setString(3, "Chaos f" + writer + " #" + i);
                Array needs = c.createArrayOf("text", new String[] {h.setupNeed});
                app.setArray(4, needs);
                app.addBatch();
                line.setObject(1, id);
                line.setObject(2, UUID.fromString(envelopes.get((i + writer) % envelopes.size())));
                line.addBatch();
            }
            app.executeBatch();
            line.executeBatch();
        }
        return ids;
    }

    private static Map<String, Object> needBody(String siret, String title, int headcount, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", siret);
        body.put("romeCode", "H2913");
        body.put("jobTitle", title);
        body.put("headcount", headcount);
        body.put("contractType", "CDI");
        body.put("qualificationLevel", "SKILLED_WORKER");
        body.put("startDate", today.plusDays(10).toString());
        body.put("deadline", today.plusMonths(6).toString());
        body.put("hoursPerWeek", 35);
        body.put("difficult", false);
        return body;
    }

    /** A made-up SIRET with valid Luhn keys (SIREN and SIRET). */
    private static String siret() {
        return fr.territoires.testing.Sirets.random('7');
    }


    private QuarkusService service(String name, String database, String kafka, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Platform.serviceEnvironment(new Platform.ServiceModule(name, database),
                pg.host(), pg.port(), pg.user(), pg.password(), kafka, keycloak, "", "", ""));
        env.putAll(extra);
        return new QuarkusService(name, ROOT.resolve(name + "/target/quarkus-app/quarkus-run.jar"), OsProcesses.freePort(),
                env);
    }

    /** Fresh databases for every run: the figures count everything in them. */
    private void recreateDatabases() throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password())) {
            for (String db : List.of(TERRITORY_DB, FUNDING_DB, RECRUITMENT_DB)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
        pg = BuildInfrastructure.postgres(TERRITORY_DB, FUNDING_DB, RECRUITMENT_DB);
    }

    // ---- plumbing ------------------------------------------------------------------------------------

    /** One request; null when no answer came (refused, reset, timed out). */
    private HttpResponse<String> send(String method, String url, Long ifMatch, String idempotencyKey, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (ifMatch != null) {
                b.header("If-Match", "\"" + ifMatch + "\"");
            }
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        if (r == null || r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + (r == null ? "no answer"
                    : r.statusCode() + " " + r.body()));
        }
        return r;
    }

    private static long etag(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("W/", "").replace("\"", ""));
    }

    /** An access token of the programme team, renewed every minute. */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
            try {
                token = RealTokens.user(keycloak, "admin.programme");
                tokenAt = System.nanoTime();
            } catch (RuntimeException e) {
                if (token == null) {
                    throw e;
                }
            }
        }
        return token;
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
    }

    private List<String> column(String db, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(db); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Map<String, String> map(String db, String sql, Object... params) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection c = connect(db); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    private long count(String db, String sql, Object... params) throws SQLException {
        try (Connection c = connect(db); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
        return ps;
    }

    private static void row(StringBuilder report, String figure, Object value) {
        report.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private void awaitTrue(String what, Duration patience, Check check) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not after " + patience.toSeconds() + " s: " + what);
            }
            Thread.sleep(500);
        }
        log(what);
    }
}
