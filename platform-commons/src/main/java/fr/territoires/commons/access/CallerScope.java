package fr.territoires.commons.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what their role applies to (DESIGN.md §4): the platform roles and the scope
 * claims {@code region}, {@code territories} and {@code siren}. Every service derives its access
 * decisions from this, never from raw token claims.
 */
public record CallerScope(String name, Set<String> roles, String region, List<String> territories, String siren) {

    public static final String PROGRAMME_ADMIN = "programme-admin";
    public static final String REGION_OFFICER = "region-officer";
    public static final String TERRITORY_MANAGER = "territory-manager";
    public static final String COMPANY = "company";
    public static final String PARTNER = "partner";

    public static final CallerScope ANONYMOUS = new CallerScope("anonymous", Set.of(), null, List.of(), null);

    public static CallerScope of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return new CallerScope(name, Set.copyOf(identity.getRoles()), single(token.getClaim("region")),
                    strings(token.getClaim("territories")), single(token.getClaim("siren")));
        }
        return new CallerScope(name, Set.copyOf(identity.getRoles()), null, List.of(), null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isProgrammeAdmin() {
        return has(PROGRAMME_ADMIN);
    }

    /** A region-officer whose region is one of these (a territory may straddle two regions). */
    public boolean isOfficerOfAny(Collection<String> regions) {
        return has(REGION_OFFICER) && region != null && regions.contains(region);
    }

    /** A territory-manager of this territory. */
    public boolean managesTerritory(String code) {
        return has(TERRITORY_MANAGER) && territories.contains(code);
    }

    /** The scope a refusal names, e.g. " (region 84)" or " (territories [ti-4420])"; empty for unscoped roles. */
    public String scopeForMessages() {
        return has(REGION_OFFICER) ? " (region " + region + ")"
                : has(TERRITORY_MANAGER) ? " (territories " + territories + ")" : "";
    }

    /** Claim values as plain strings, whatever JSON shape the token gave them (array, list, one value). */
    public static List<String> strings(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof JsonArray array) {
            return array.stream().map(CallerScope::text).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v instanceof JsonValue j ? text(j) : String.valueOf(v)).toList();
        }
        return List.of(claim instanceof JsonValue j ? text(j) : String.valueOf(claim));
    }

    private static String single(Object claim) {
        List<String> values = strings(claim);
        return values.isEmpty() ? null : values.get(0);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
