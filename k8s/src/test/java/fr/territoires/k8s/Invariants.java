package fr.territoires.k8s;

import static fr.territoires.k8s.Kustomize.id;
import static fr.territoires.k8s.Kustomize.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The platform's rules for what is deployed; each returns the violations it finds (none: fine). */
final class Invariants {

    static final String KAFKA = "ti-kafka";
    static final String POSTGRES = "ti-postgres";
    static final String IMAGE_PREFIX = "ghcr.io/territoires-industrie/";

    private Invariants() {
    }

    /** Probes on the Quarkus health paths, requests and limits, a non-root read-only context. */
    static List<String> deployments(List<JsonNode> objects) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String id = id(d);
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            if (!"RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText())) {
                v.add(id + ": pod seccompProfile is not RuntimeDefault");
            }
            if (pod.path("containers").isEmpty()) {
                v.add(id + ": no container");
            }
            for (JsonNode c : pod.path("containers")) {
                String cid = id + "/" + c.path("name").asText();
                probe(v, cid, c, "startupProbe", "/q/health/started");
                probe(v, cid, c, "livenessProbe", "/q/health/live");
                probe(v, cid, c, "readinessProbe", "/q/health/ready");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources").path(kind).path(resource).asText().isEmpty()) {
                            v.add(cid + ": no " + resource + " in resources." + kind);
                        }
                    }
                }
                JsonNode sc = c.path("securityContext");
                if (!sc.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                    v.add(cid + ": runAsNonRoot is not true");
                }
                if (sc.path("runAsUser").asInt(podSecurity.path("runAsUser").asInt(-1)) == 0) {
                    v.add(cid + ": runs as user 0");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(cid + ": root filesystem is not read-only");
                }
                if (!sc.has("allowPrivilegeEscalation") || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    v.add(cid + ": allowPrivilegeEscalation is not false");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    v.add(cid + ": privileged");
                }
                Set<String> dropped = new TreeSet<>();
                sc.path("capabilities").path("drop").forEach(x -> dropped.add(x.asText()));
                if (!dropped.contains("ALL") || !sc.path("capabilities").path("add").isEmpty()) {
                    v.add(cid + ": capabilities are not drop ALL, add none");
                }
                if (!writableTmp(pod, c)) {
                    v.add(cid + ": no emptyDir mounted at /tmp");
                }
                String image = c.path("image").asText();
                if (!image.startsWith(IMAGE_PREFIX) || !image.substring(IMAGE_PREFIX.length()).contains(":")) {
                    v.add(cid + ": image " + image + " is not a tagged " + IMAGE_PREFIX + " image (kustomize images:)");
                }
            }
        }
        return v;
    }

    private static void probe(List<String> v, String cid, JsonNode c, String probe, String path) {
        JsonNode p = c.path(probe);
        if (p.isMissingNode()) {
            v.add(cid + ": no " + probe);
        } else if (!path.equals(p.path("httpGet").path("path").asText())) {
            v.add(cid + ": " + probe + " does not GET " + path);
        }
    }

    private static boolean writableTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A KafkaTopic for every topic and dead-letter topic of the events module, and no other. */
    static List<String> topics(List<JsonNode> objects, List<String> expected) {
        List<String> v = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (JsonNode t : ofKind(objects, "KafkaTopic")) {
            String name = t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText());
            found.add(name);
            String id = id(t) + " (" + name + ")";
            if (!KAFKA.equals(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                v.add(id + ": not labelled strimzi.io/cluster=" + KAFKA);
            }
            if (t.path("spec").path("partitions").asInt() != 3) {
                v.add(id + ": partitions is not 3");
            }
            int replicas = t.path("spec").path("replicas").asInt();
            int minIsr = t.path("spec").path("config").path("min.insync.replicas").asInt(0);
            if (minIsr < 1 || (replicas > 1 && minIsr >= replicas) || minIsr > replicas) {
                v.add(id + ": min.insync.replicas " + minIsr + " does not fit " + replicas + " replicas");
            }
            if (!t.path("spec").path("config").has("retention.ms")) {
                v.add(id + ": no retention.ms");
            }
            if (!expected.contains(name)) {
                v.add(id + ": not a topic of the events module");
            }
        }
        for (String topic : expected) {
            if (!found.contains(topic)) {
                v.add("no KafkaTopic for " + topic);
            }
        }
        return v;
    }

    /**
     * Every service with a database has it: a Database owned by its role, the role managed with its
     * password Secret, the Deployment reading that Secret; the Secret itself when {@code secretsRendered}.
     */
    static List<String> databases(List<JsonNode> objects, Map<String, String> services, boolean secretsRendered) {
        List<String> v = new ArrayList<>();
        List<JsonNode> clusters = ofKind(objects, "Cluster");
        if (clusters.size() != 1) {
            v.add("expected one CloudNativePG Cluster, found " + clusters.size());
            return v;
        }
        JsonNode cluster = clusters.get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        services.forEach((service, db) -> {
            if (db == null) {
                return;
            }
            String secret = db + "-db-credentials";
            boolean hasDatabase = ofKind(objects, "Database").stream().anyMatch(d -> db.equals(d.path("spec").path("name").asText())
                    && db.equals(d.path("spec").path("owner").asText())
                    && clusterName.equals(d.path("spec").path("cluster").path("name").asText()));
            if (!hasDatabase) {
                v.add(service + ": no Database " + db + " owned by " + db + " in cluster " + clusterName);
            }
            boolean hasRole = false;
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                if (db.equals(role.path("name").asText())) {
                    hasRole = role.path("login").asBoolean(false) && !role.path("superuser").asBoolean(false)
                            && !"absent".equals(role.path("ensure").asText())
                            && secret.equals(role.path("passwordSecret").path("name").asText());
                }
            }
            if (!hasRole) {
                v.add(service + ": no managed login role " + db + " (not superuser) with passwordSecret " + secret);
            }
            Optional<JsonNode> deployment = ofKind(objects, "Deployment").stream()
                    .filter(d -> service.equals(d.path("metadata").path("name").asText())).findFirst();
            if (deployment.isEmpty()) {
                v.add(service + ": no Deployment");
            } else {
                Map<String, JsonNode> env = env(deployment.get());
                if (!db.equals(env.getOrDefault("TI_DB_NAME", missing()).path("value").asText())) {
                    v.add(service + ": TI_DB_NAME is not " + db);
                }
                for (String var : List.of("TI_DB_USER", "TI_DB_PASSWORD")) {
                    if (!secret.equals(env.getOrDefault(var, missing()).path("valueFrom").path("secretKeyRef").path("name").asText())) {
                        v.add(service + ": " + var + " does not come from Secret " + secret);
                    }
                }
            }
            if (secretsRendered) {
                Optional<JsonNode> s = ofKind(objects, "Secret").stream()
                        .filter(x -> secret.equals(x.path("metadata").path("name").asText())).findFirst();
                if (s.isEmpty()) {
                    v.add(service + ": no Secret " + secret);
                } else if (!"kubernetes.io/basic-auth".equals(s.get().path("type").asText())
                        || !(s.get().path("stringData").has("password") || s.get().path("data").has("password"))) {
                    v.add(service + ": Secret " + secret + " is not a basic-auth Secret with a password");
                }
            }
        });
        return v;
    }

    static Map<String, JsonNode> env(JsonNode deployment) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
            c.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        }
        return env;
    }

    private static JsonNode missing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** ACL = "type:patternType:name:Operation". */
    static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode r = acl.path("resource");
            String prefix = (acl.path("type").asText("allow").equals("deny") ? "deny:" : "")
                    + r.path("type").asText() + ":" + r.path("patternType").asText("literal") + ":" + r.path("name").asText("*") + ":";
            acl.path("operations").forEach(op -> acls.add(prefix + op.asText()));
        }
        return acls;
    }

    /** What a service's backbone needs, exactly (see kafka/users-services.yaml). */
    static Set<String> expectedServiceAcls(String service) {
        Set<String> acls = new TreeSet<>();
        String own = PlatformFacts.PRODUCES.get(service);
        List<String> consumed = PlatformFacts.CONSUMES.get(service);
        for (String topic : Topics.ALL) {
            acls.add("topic:literal:" + topic + ":Describe");
            acls.add("topic:literal:" + topic + ":Create");
        }
        acls.add("topic:literal:" + own + ":Write");
        for (String topic : consumed) {
            acls.add("topic:literal:" + topic + ":Read");
            String dlq = Topics.deadLetter(topic, service);
            acls.add("topic:literal:" + dlq + ":Write");
            acls.add("topic:literal:" + dlq + ":Describe");
            acls.add("topic:literal:" + dlq + ":Create");
        }
        if (!consumed.isEmpty()) {
            acls.add("group:literal:" + service + ":Read");
            acls.add("group:literal:" + service + ":Describe");
        }
        return acls;
    }

    static Set<String> expectedPartnerAcls(String partner, List<String> topics) {
        Set<String> acls = new TreeSet<>();
        for (String topic : topics) {
            acls.add("topic:literal:" + topic + ":Read");
            acls.add("topic:literal:" + topic + ":Describe");
        }
        acls.add("group:prefix:" + partner + "-:Read");
        acls.add("group:prefix:" + partner + "-:Describe");
        return acls;
    }

    /** One KafkaUser per service with exactly its ACLs, and per partner with read on its granted topics only. */
    static List<String> kafkaUsers(List<JsonNode> objects, Map<String, List<String>> grants) {
        List<String> v = new ArrayList<>();
        Map<String, JsonNode> users = new java.util.LinkedHashMap<>();
        ofKind(objects, "KafkaUser").forEach(u -> users.put(u.path("metadata").path("name").asText(), u));
        for (JsonNode u : users.values()) {
            if (!KAFKA.equals(u.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
                v.add(id(u) + ": not labelled strimzi.io/cluster=" + KAFKA);
            }
            if (!"scram-sha-512".equals(u.path("spec").path("authentication").path("type").asText())) {
                v.add(id(u) + ": authentication is not scram-sha-512");
            }
        }
        for (String service : PlatformFacts.PRODUCES.keySet()) {
            JsonNode user = users.get(service);
            if (user == null) {
                v.add("no KafkaUser for " + service);
                continue;
            }
            Set<String> actual = acls(user);
            Set<String> expected = expectedServiceAcls(service);
            if (!actual.equals(expected)) {
                v.add(id(user) + ": ACLs " + diff(actual, expected));
            }
            ofKind(objects, "Deployment").stream().filter(d -> service.equals(d.path("metadata").path("name").asText()))
                    .forEach(d -> {
                        String secret = env(d).getOrDefault("KAFKA_SASL_JAAS_CONFIG", missing())
                                .path("valueFrom").path("secretKeyRef").path("name").asText();
                        if (!service.equals(secret)) {
                            v.add(service + ": KAFKA_SASL_JAAS_CONFIG does not come from the KafkaUser's Secret " + service);
                        }
                    });
        }
        for (JsonNode user : users.values()) {
            String name = user.path("metadata").path("name").asText();
            if (PlatformFacts.PRODUCES.containsKey(name)) {
                continue;
            }
            List<String> granted = grants.get(name);
            if (granted == null) {
                v.add(id(user) + ": neither a service nor a partner with grants");
                continue;
            }
            Set<String> actual = acls(user);
            for (String acl : actual) {
                String[] parts = acl.split(":");
                boolean read = parts[parts.length - 1].equals("Read") || parts[parts.length - 1].equals("Describe");
                if (!read || acl.startsWith("deny:") || acl.startsWith("cluster:") || acl.startsWith("transactionalId:")) {
                    v.add(id(user) + ": partner may only read, found " + acl);
                } else if (acl.startsWith("topic:") && (!parts[1].equals("literal") || !granted.contains(parts[2]))) {
                    v.add(id(user) + ": reads a topic it is not granted: " + acl);
                } else if (acl.startsWith("group:") && !(parts[1].equals("prefix") && parts[2].equals(name + "-"))) {
                    v.add(id(user) + ": consumer groups must be its own prefix " + name + "-, found " + acl);
                }
            }
            Set<String> expected = expectedPartnerAcls(name, granted);
            if (!actual.equals(expected)) {
                v.add(id(user) + ": ACLs " + diff(actual, expected));
            }
        }
        for (String partner : grants.keySet()) {
            if (!users.containsKey(partner)) {
                v.add("no KafkaUser for partner " + partner);
            }
        }
        return v;
    }

    private static String diff(Set<String> actual, Set<String> expected) {
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        Set<String> lacking = new TreeSet<>(expected);
        lacking.removeAll(actual);
        return "differ: extra " + extra + ", missing " + lacking;
    }

    /** The realm imported is the local realm, changed only as RealmImports says, with its placeholders filled. */
    static List<String> realm(List<JsonNode> objects, boolean demoUsers) {
        List<String> v = new ArrayList<>();
        List<JsonNode> imports = ofKind(objects, "KeycloakRealmImport");
        List<JsonNode> keycloaks = ofKind(objects, "Keycloak");
        if (imports.size() != 1 || keycloaks.size() != 1) {
            v.add("expected one Keycloak and one KeycloakRealmImport, found " + keycloaks.size() + " and " + imports.size());
            return v;
        }
        JsonNode spec = imports.get(0).path("spec");
        if (!keycloaks.get(0).path("metadata").path("name").asText().equals(spec.path("keycloakCRName").asText())) {
            v.add("the realm import does not name the Keycloak resource");
        }
        if (!RealmImports.expected(demoUsers).equals(spec.path("realm"))) {
            v.add("the imported realm is not the local realm (platform-stack keycloak/territoires-realm.json) with "
                    + "placeholders" + (demoUsers ? " and the demo users" : " and without the demo users")
                    + ": run the k8s tests with -Dk8s.regenerate=true");
        }
        RealmImports.placeholders().forEach((name, key) -> {
            JsonNode ref = spec.path("placeholders").path(name).path("secret");
            if (!RealmImports.SECRET.equals(ref.path("name").asText()) || !key.equals(ref.path("key").asText())) {
                v.add("placeholder " + name + " is not filled from " + RealmImports.SECRET + "/" + key);
            }
        });
        v.addAll(realmHardening(spec.path("realm")));
        v.addAll(authIngress(objects));
        Set<String> clients = new TreeSet<>();
        spec.path("realm").path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        for (String partner : PlatformFacts.PARTNER_GRANTS.keySet()) {
            if (!clients.contains(partner)) {
                v.add("partner " + partner + " has no Keycloak client");
            }
        }
        return v;
    }

    // ---- operations (issue #17): scraping, alert rules, dashboard, backups, egress, logs and time zone

    /** Whether a label selector (matchLabels, matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode x : selector.path("matchExpressions")) {
            String key = x.path("key").asText();
            Set<String> values = new TreeSet<>();
            x.path("values").forEach(val -> values.add(val.asText()));
            boolean has = labels.has(key);
            boolean ok = switch (x.path("operator").asText()) {
                case "In" -> has && values.contains(labels.path(key).asText());
                case "NotIn" -> !has || !values.contains(labels.path(key).asText());
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A Service's selector (a plain label map, never empty) selects these labels. */
    static boolean matchesAll(JsonNode labelMap, JsonNode labels) {
        if (labelMap.isEmpty()) {
            return false;
        }
        var fields = labelMap.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    /**
     * Every application is scraped on /q/metrics by a ServiceMonitor (through its Service) or a
     * PodMonitor; the PrometheusRule carries exactly the platform's alert rules; a Grafana dashboard
     * ConfigMap holds a dashboard with panels.
     */
    static List<String> monitoring(List<JsonNode> objects, JsonNode expectedRules) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String app = d.path("metadata").path("name").asText();
            Set<String> ports = new TreeSet<>();
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                c.path("ports").forEach(p -> ports.add(p.path("name").asText()));
            }
            boolean scraped = false;
            for (JsonNode sm : ofKind(objects, "ServiceMonitor")) {
                for (JsonNode svc : ofKind(objects, "Service")) {
                    if (selects(sm.path("spec").path("selector"), svc.path("metadata").path("labels"))
                            && matchesAll(svc.path("spec").path("selector"), podLabels(d))) {
                        for (JsonNode ep : sm.path("spec").path("endpoints")) {
                            boolean portOk = false;
                            for (JsonNode sp : svc.path("spec").path("ports")) {
                                portOk |= sp.path("name").asText().equals(ep.path("port").asText())
                                        && ports.contains(sp.path("targetPort").asText());
                            }
                            scraped |= portOk && "/q/metrics".equals(ep.path("path").asText());
                        }
                    }
                }
            }
            for (JsonNode pm : ofKind(objects, "PodMonitor")) {
                if (selects(pm.path("spec").path("selector"), podLabels(d))) {
                    for (JsonNode ep : pm.path("spec").path("podMetricsEndpoints")) {
                        scraped |= ports.contains(ep.path("port").asText()) && "/q/metrics".equals(ep.path("path").asText());
                    }
                }
            }
            if (!scraped) {
                v.add(app + ": not scraped on /q/metrics by any ServiceMonitor or PodMonitor");
            }
        }
        List<JsonNode> rules = ofKind(objects, "PrometheusRule");
        if (rules.size() != 1) {
            v.add("expected one PrometheusRule, found " + rules.size());
        } else if (!expectedRules.equals(rules.get(0).path("spec"))) {
            String first = "";
            for (int g = 0; g < expectedRules.path("groups").size() && first.isEmpty(); g++) {
                JsonNode expected = expectedRules.path("groups").path(g);
                if (!expected.equals(rules.get(0).path("spec").path("groups").path(g))) {
                    first = " (first in group " + expected.path("name").asText() + ")";
                }
            }
            v.add(id(rules.get(0)) + ": its groups differ from platform-stack's " + PrometheusRules.RULES + first
                    + " (regenerate " + PrometheusRules.FILE + " with -Dk8s.regenerate=true)");
        }
        boolean dashboard = false;
        for (JsonNode cm : ofKind(objects, "ConfigMap")) {
            if ("1".equals(cm.path("metadata").path("labels").path("grafana_dashboard").asText())) {
                var data = cm.path("data").fields();
                while (data.hasNext()) {
                    try {
                        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.next().getValue().asText());
                        dashboard |= json.path("panels").size() > 0 && !json.path("uid").asText().isEmpty();
                    } catch (java.io.IOException e) {
                        v.add(id(cm) + ": not a JSON dashboard: " + e.getMessage());
                    }
                }
            }
        }
        if (!dashboard) {
            v.add("no Grafana dashboard ConfigMap (label grafana_dashboard=1, a dashboard with panels)");
        }
        return v;
    }

    /**
     * The PostgreSQL cluster archives to object storage with its credentials from a Secret and a
     * retention policy, and a ScheduledBackup of that cluster runs.
     */
    static List<String> backups(List<JsonNode> objects) {
        List<String> v = new ArrayList<>();
        for (JsonNode cluster : ofKind(objects, "Cluster")) {
            String id = id(cluster);
            JsonNode backup = cluster.path("spec").path("backup");
            JsonNode store = backup.path("barmanObjectStore");
            if (store.isMissingNode()) {
                v.add(id + ": no backup to object storage (spec.backup.barmanObjectStore)");
                continue;
            }
            if (backup.path("retentionPolicy").asText().isEmpty()) {
                v.add(id + ": no backup retentionPolicy");
            }
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.path("s3Credentials").path(key);
                if (ref.path("name").asText().isEmpty() || ref.path("key").asText().isEmpty()) {
                    v.add(id + ": backup " + key + " does not come from a Secret");
                }
            }
            String name = cluster.path("metadata").path("name").asText();
            boolean scheduled = ofKind(objects, "ScheduledBackup").stream()
                    .anyMatch(b -> name.equals(b.path("spec").path("cluster").path("name").asText())
                            && !b.path("spec").path("suspend").asBoolean(false)
                            && !"volumeSnapshot".equals(b.path("spec").path("method").asText()));
            if (!scheduled) {
                v.add(id + ": no active ScheduledBackup to object storage");
            }
        }
        return v;
    }

    /**
     * Each application's egress is restricted: selected by an Egress NetworkPolicy, every rule names
     * its peers (no rule open to anywhere, no ipBlock) and ports, and the ports it may reach are
     * exactly those it needs.
     */
    static List<String> egress(List<JsonNode> objects, Map<String, Set<Integer>> needs) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : ofKind(objects, "Deployment")) {
            String app = d.path("metadata").path("name").asText();
            Set<Integer> reachable = new TreeSet<>();
            boolean restricted = false;
            for (JsonNode np : ofKind(objects, "NetworkPolicy")) {
                boolean egressPolicy = false;
                for (JsonNode t : np.path("spec").path("policyTypes")) {
                    egressPolicy |= "Egress".equals(t.asText());
                }
                if (!egressPolicy || !selects(np.path("spec").path("podSelector"), podLabels(d))) {
                    continue;
                }
                restricted = true;
                for (JsonNode rule : np.path("spec").path("egress")) {
                    if (rule.path("to").isEmpty()) {
                        v.add(id(np) + ": an egress rule of " + app + " is open to any destination");
                    }
                    for (JsonNode peer : rule.path("to")) {
                        if (peer.has("ipBlock")) {
                            v.add(id(np) + ": an egress rule of " + app + " reaches an ipBlock");
                        }
                    }
                    if (rule.path("ports").isEmpty()) {
                        v.add(id(np) + ": an egress rule of " + app + " is open on every port");
                    }
                    rule.path("ports").forEach(p -> reachable.add(p.path("port").asInt()));
                }
            }
            if (!restricted) {
                v.add(app + ": egress not restricted (no NetworkPolicy with policyTypes Egress selects it)");
                continue;
            }
            Set<Integer> expected = needs.getOrDefault(app, Set.of());
            for (Integer port : reachable) {
                if (!expected.contains(port)) {
                    v.add(app + ": may reach port " + port + ", which it does not need");
                }
            }
            for (Integer port : expected) {
                if (!reachable.contains(port)) {
                    v.add(app + ": cannot reach port " + port + ", which it needs");
                }
            }
        }
        return v;
    }

    /** The Europe/Paris time zone in the configuration every application reads. */
    static List<String> timeZone(List<JsonNode> objects) {
        List<String> v = new ArrayList<>();
        Optional<JsonNode> config = ofKind(objects, "ConfigMap").stream()
                .filter(c -> "platform-config".equals(c.path("metadata").path("name").asText())).findFirst();
        if (config.isEmpty()) {
            v.add("no ConfigMap platform-config");
            return v;
        }
        JsonNode data = config.get().path("data");
        if (!"Europe/Paris".equals(data.path("TZ").asText())) {
            v.add("platform-config: TZ is not Europe/Paris");
        }
        for (JsonNode d : ofKind(objects, "Deployment")) {
            boolean reads = false;
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode from : c.path("envFrom")) {
                    reads |= "platform-config".equals(from.path("configMapRef").path("name").asText());
                }
            }
            if (!reads) {
                v.add(id(d) + ": does not read platform-config (envFrom)");
            }
        }
        return v;
    }

    /** A realm fit for production (issue 14): the checks RealmImports' hardening must pass. */
    static List<String> realmHardening(JsonNode realm) {
        List<String> v = new ArrayList<>();
        if (realm.path("passwordPolicy").asText("").isBlank()) {
            v.add("realm: no password policy");
        }
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            v.add("realm: no brute-force protection");
        }
        for (JsonNode c : realm.path("clients")) {
            String id = c.path("clientId").asText();
            if (c.path("directAccessGrantsEnabled").asBoolean(false)) {
                v.add("realm: client " + id + " accepts the password grant");
            }
            for (JsonNode uri : c.path("redirectUris")) {
                if (uri.asText().contains("*")) {
                    v.add("realm: client " + id + " has a wildcard redirect URI " + uri.asText());
                }
            }
        }
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (role.path("name").asText().startsWith("default-roles-")) {
                role.path("composites").path("realm").forEach(r -> {
                    if (r.asText().equals("offline_access")) {
                        v.add("realm: offline_access is a default role");
                    }
                });
            }
        }
        return v;
    }

    /** The Keycloak ingress exposes the territoires realm (and the login pages' resources) only. */
    static List<String> authIngress(List<JsonNode> objects) {
        List<String> v = new ArrayList<>();
        for (JsonNode ingress : ofKind(objects, "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    String p = path.path("path").asText();
                    if (service.startsWith("keycloak") && !p.equals("/realms/territoires/") && !p.equals("/resources/")) {
                        v.add(id(ingress) + ": exposes Keycloak's " + p + " (only /realms/territoires/ and "
                                + "/resources/)");
                    }
                }
            }
        }
        return v;
    }
}
