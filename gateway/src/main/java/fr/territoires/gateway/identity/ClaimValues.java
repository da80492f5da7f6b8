package fr.territoires.gateway.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;

/** Claim values as plain Java, whatever JSON shape the token gave them. */
final class ClaimValues {

    private ClaimValues() {
    }

    static List<String> strings(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof JsonArray array) {
            return array.stream().map(ClaimValues::text).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v instanceof JsonValue j ? text(j) : String.valueOf(v)).toList();
        }
        return List.of(claim instanceof JsonValue j ? text(j) : String.valueOf(claim));
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
