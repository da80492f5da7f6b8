package fr.territoires.commons.readcache;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.EntityTag;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HTTP validators for cached reads (RFC 9110 §8.8.3, §13.1.2): a weak ETag made of the data's revision and
 * the business day the answer was computed for, and the If-None-Match comparison that turns a repeated read
 * into a 304. Clients are told to revalidate every time ({@code no-cache}): the answer changes the moment the
 * data does, and a revalidation costs the server one indexed query.
 */
public final class Freshness {

    /** For open data: any cache may keep it, provided it asks again each time. */
    public static final String PUBLIC = "public, no-cache";
    /** For answers that depend on the caller: only the caller's own cache. */
    public static final String PRIVATE = "private, no-cache";

    private Freshness() {
    }

    /** For an answer that depends on the data only. */
    public static EntityTag tag(long revision) {
        return new EntityTag("r" + revision, true);
    }

    /** For an answer that also depends on the business day (what is in force today). */
    public static EntityTag tag(long revision, LocalDate day) {
        return new EntityTag("r" + revision + "-" + day, true);
    }

    /** True when If-None-Match lists {@code tag} (weak comparison) or is {@code *}. */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || ifNoneMatch.length() > 1024) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * 304 without computing anything when If-None-Match names {@code tag}; otherwise 200 with what {@code body}
     * gives. Both carry the tag and {@code cacheControl}.
     */
    public static <T> Uni<RestResponse<T>> respond(EntityTag tag, String ifNoneMatch, String cacheControl,
            Supplier<Uni<T>> body) {
        if (matches(ifNoneMatch, tag)) {
            return Uni.createFrom().item(RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                    .tag(tag).header("Cache-Control", cacheControl).build());
        }
        return body.get().map(entity -> RestResponse.ResponseBuilder.ok(entity).tag(tag)
                .header("Cache-Control", cacheControl).build());
    }
}
