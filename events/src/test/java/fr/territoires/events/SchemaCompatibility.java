package fr.territoires.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Whether a new version of a published schema still accepts what consumers of the old one rely
 * on: every property they read is still there, still required if it was, and defined the same
 * way. New optional or required properties are fine (consumers ignore what they do not know);
 * words (title, description, examples) may change.
 */
final class SchemaCompatibility {

    private static final Set<String> WORDS = Set.of("title", "description", "examples", "$comment");

    private SchemaCompatibility() {
    }

    /** The breaking differences, as readable paths; empty when compatible. */
    static List<String> breakingChanges(JsonNode published, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("", published, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode published, JsonNode current, List<String> problems) {
        if (!published.isObject() || !current.isObject()) {
            if (!published.equals(current)) {
                problems.add(at(path) + " changed from " + published + " to " + current);
            }
            return;
        }
        for (Iterator<String> it = published.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (WORDS.contains(key)) {
                continue;
            }
            JsonNode before = published.get(key);
            JsonNode after = current.get(key);
            if (after == null) {
                problems.add(at(path + "/" + key) + " was removed");
            } else if (key.equals("properties") || key.equals("$defs")) {
                for (Iterator<String> names = before.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (!after.has(name)) {
                        problems.add(at(path + "/" + key + "/" + name) + " was removed");
                    } else {
                        compare(path + "/" + key + "/" + name, before.get(name), after.get(name), problems);
                    }
                }
            } else if (key.equals("required")) {
                Set<String> now = new HashSet<>();
                after.forEach(n -> now.add(n.asText()));
                before.forEach(n -> {
                    if (!now.contains(n.asText())) {
                        problems.add(at(path + "/required") + " no longer requires " + n.asText());
                    }
                });
            } else {
                compare(path + "/" + key, before, after, problems);
            }
        }
        for (Iterator<String> it = current.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!published.has(key) && !WORDS.contains(key) && !key.equals("properties") && !key.equals("required")
                    && !key.equals("$defs")) {
                problems.add(at(path + "/" + key) + " is a new constraint");
            }
        }
    }

    private static String at(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
