package fr.territoires.commons.versioning;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Responses that carry their entity's version as ETag, for If-Match on the next change. */
public final class Versioned {

    private Versioned() {
    }

    /** 200 with the entity and, when it has one (it may not be stored yet), its version as ETag. */
    public static Response ok(Object entity, Long version) {
        return tagged(Response.ok(entity), version).build();
    }

    public static Response.ResponseBuilder tagged(Response.ResponseBuilder builder, Long version) {
        return version == null ? builder : builder.tag(new EntityTag(String.valueOf(version)));
    }
}
