package fr.territoires.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The realm the cluster imports is the local stack's realm (platform-stack's
 * keycloak/territoires-realm.json, the one every test and ./platform up run against), changed only so:
 * <ol>
 * <li>each client secret becomes a placeholder, {@code ${KC_SECRET_<CLIENT_ID>}}, filled from the
 * Secret keycloak-realm-secrets by the operator's import job (spec.placeholders);</li>
 * <li>the local addresses become placeholders: http://localhost:8080 → {@code ${TI_PUBLIC_URL}} (the
 * gateway's public address), http://localhost:5173 → {@code ${TI_CONSOLE_URL}} (the web console's);</li>
 * <li>the demo users, who have passwords, are left out; the dev overlay puts them back
 * (overlays/dev/realm-demo-users.yaml). The partners' service-account users stay;</li>
 * <li>it is hardened (issue 14; the local realm keeps its demo conveniences): a password policy,
 * brute-force protection with temporary lockouts, no password grant on any client, no
 * {@code offline_access} among the default roles, and exact redirect URIs (no wildcard).</li>
 * </ol>
 * Running the tests with {@code -Dk8s.regenerate=true} rewrites both files from the realm file.
 */
final class RealmImports {

    static final String SECRET = "keycloak-realm-secrets";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmImports() {
    }

    static ObjectNode localRealm() {
        try (InputStream in = RealmImports.class.getResourceAsStream("/keycloak/territoires-realm.json")) {
            if (in == null) {
                throw new AssertionError("platform-stack's keycloak/territoires-realm.json is not on the test classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String secretPlaceholder(String clientId) {
        return "KC_SECRET_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The realm as imported: with the demo users (dev) or without them (base, prod). */
    static ObjectNode expected(boolean demoUsers) {
        ObjectNode realm = localRealm().deepCopy();
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                ((ObjectNode) client).put("secret", "${" + secretPlaceholder(client.path("clientId").asText()) + "}");
            }
        }
        replaceAddresses(realm);
        harden(realm);
        if (!demoUsers) {
            ArrayNode users = (ArrayNode) realm.path("users");
            for (Iterator<JsonNode> it = users.iterator(); it.hasNext();) {
                if (it.next().has("credentials")) {
                    it.remove();
                }
            }
        }
        return realm;
    }

    static final String PASSWORD_POLICY = "length(12) and upperCase(1) and lowerCase(1) and digits(1) and notUsername "
            + "and notEmail and passwordHistory(5)";

    /** What the cluster's realm changes from the local one to be fit for production. */
    private static void harden(ObjectNode realm) {
        realm.put("passwordPolicy", PASSWORD_POLICY);
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("minimumQuickLoginWaitSeconds", 60);
        realm.put("quickLoginCheckMilliSeconds", 1000);
        for (JsonNode client : realm.path("clients")) {
            ObjectNode c = (ObjectNode) client;
            if (c.has("directAccessGrantsEnabled")) {
                c.put("directAccessGrantsEnabled", false);
            }
            if (c.path("redirectUris").isArray()) {
                ArrayNode exact = JsonNodeFactory.instance.arrayNode();
                for (JsonNode uri : c.path("redirectUris")) {
                    // ".../*" → the application's own callback: Swagger UI's on the gateway, the root elsewhere.
                    String u = uri.asText();
                    exact.add(!u.endsWith("/*") ? u : u.startsWith("${TI_PUBLIC_URL}") && "gateway".equals(c.path("clientId").asText())
                            ? "${TI_PUBLIC_URL}/q/swagger-ui/oauth2-redirect.html" : u.substring(0, u.length() - 1));
                }
                c.set("redirectUris", exact);
            }
        }
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (role.path("name").asText().startsWith("default-roles-")) {
                ArrayNode composites = (ArrayNode) role.path("composites").path("realm");
                for (Iterator<JsonNode> it = composites.iterator(); it.hasNext();) {
                    if (it.next().asText().equals("offline_access")) {
                        it.remove();
                    }
                }
            }
        }
    }

    /** Placeholder → key of the Secret keycloak-realm-secrets. */
    static Map<String, String> placeholders() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (JsonNode client : localRealm().path("clients")) {
            if (client.has("secret")) {
                String id = client.path("clientId").asText();
                placeholders.put(secretPlaceholder(id), id + "-client-secret");
            }
        }
        placeholders.put("TI_PUBLIC_URL", "public-url");
        placeholders.put("TI_CONSOLE_URL", "console-url");
        return placeholders;
    }

    private static void replaceAddresses(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(addresses(e.getValue().asText())));
                } else {
                    replaceAddresses(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, TextNode.valueOf(addresses(a.get(i).asText())));
                } else {
                    replaceAddresses(a.get(i));
                }
            }
        }
    }

    private static String addresses(String s) {
        return s.replace("http://localhost:8080", "${TI_PUBLIC_URL}").replace("http://localhost:5173", "${TI_CONSOLE_URL}");
    }

    /** Writes base/keycloak/realm-import.yaml and overlays/dev/realm-demo-users.yaml. */
    static void regenerate(Path k8s) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode cr = f.objectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "territoires");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        placeholders().forEach((name, key) -> placeholders.putObject(name).putObject("secret").put("name", SECRET).put("key", key));
        spec.set("realm", expected(false));
        Files.writeString(k8s.resolve("base/keycloak/realm-import.yaml"), """
                # GENERATED from platform-stack/src/main/resources/keycloak/territoires-realm.json by
                # k8s/src/test/java/fr/territoires/k8s/RealmImports.java (-Dk8s.regenerate=true); the build fails
                # when it differs. Client secrets and addresses are placeholders filled from the Secret
                # keycloak-realm-secrets; the demo users are only in the dev overlay.
                """ + yaml.writeValueAsString(cr));

        ArrayNode patch = f.arrayNode();
        ObjectNode op = patch.addObject();
        op.put("op", "replace");
        op.put("path", "/spec/realm/users");
        op.set("value", expected(true).path("users"));
        Files.writeString(k8s.resolve("overlays/dev/realm-demo-users.yaml"), """
                # GENERATED with base/keycloak/realm-import.yaml (RealmImports.java): the local realm's users,
                # demo users with their dev passwords included. Dev only.
                """ + yaml.writeValueAsString(patch));
    }
}
