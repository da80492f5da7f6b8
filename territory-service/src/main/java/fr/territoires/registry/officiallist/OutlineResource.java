package fr.territoires.registry.officiallist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.readcache.Freshness;
import fr.territoires.commons.readcache.ReadCache;
import fr.territoires.commons.readcache.ReadRevision;
import fr.territoires.registry.reference.Phases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Territories' outlines for maps (public, open data): ANCT's official outlines of each phase,
 * simplified at build time (reference-data/programme.mjs), as GeoJSON in WGS84 with the registry's
 * name and status. Cacheable: {@code Cache-Control} and a strong {@code ETag} of the body
 * ({@code If-None-Match} gives 304).
 */
@jakarta.inject.Singleton
@Path("/api/territories")
@Tag(name = "Territories")
@PermitAll
public class OutlineResource {

    static final String GEOJSON = "application/geo+json";
    /** Revalidated at each use: a rename or a status change shows on the next map (304 costs one indexed query). */
    static final String CACHE = Freshness.PUBLIC;

    /** A collection as sent: its body and the strong ETag of that body. */
    private record Built(byte[] body, EntityTag tag) {
    }

    /** Each phase's collection (about 1 MB), kept between changes of the registry (ReadCache). */
    private final ReadCache<String, Built> collections = new ReadCache<>(4);

    @jakarta.inject.Inject
    ReadRevision revision;

    private final OfficialLists lists;
    private final ObjectMapper json;

    public OutlineResource(OfficialLists lists, ObjectMapper json) {
        this.lists = lists;
        this.json = json;
    }

    @GET
    @Path("outlines")
    @Produces(GEOJSON)
    @Operation(summary = "The outlines of a phase's territories (public)",
            description = "GeoJSON FeatureCollection, one Feature per territory of the official list with properties "
                    + "code, name, phase (1 or 2) and status. phase: 1 (2019-2022) or 2 (2023-2027, default). Outlines "
                    + "simplified for maps (about 0.006°). Cache-Control and ETag; If-None-Match gives 304.")
    @APIResponse(responseCode = "200", description = "FeatureCollection",
            content = @Content(mediaType = GEOJSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", description = "phase is not 1 or 2")
    public Uni<Response> outlines(@Parameter(description = "1 or 2 (default)") @QueryParam("phase") String phase,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String p = Phases.ofNumber(phase);
        return revision.current().chain(rev -> collections.get(p, rev, () -> Panache.withSession(() -> identities(p))
                .map(names -> {
                    StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
                    boolean first = true;
                    for (Map.Entry<String, String> outline : sorted(lists.outlines(p))) {
                        body.append(first ? "" : ",").append(feature(outline.getKey(), p, names, outline.getValue()));
                        first = false;
                    }
                    return built(body.append("]}").toString());
                })))
                .map(b -> respond(b, ifNoneMatch));
    }

    @GET
    @Path("{code}/outline")
    @Produces(GEOJSON)
    @WithSession
    @Operation(summary = "A territory's outline in a phase (public)",
            description = "GeoJSON Feature with properties code, name, phase (1 or 2) and status; phase: 1 or 2 (default). "
                    + "Codes are per phase: Val de Lorraine is ti-4413 in phase 1, ti-4420 in phase 2. 404 when the "
                    + "official list of that phase has no such territory.")
    @APIResponse(responseCode = "200", description = "Feature",
            content = @Content(mediaType = GEOJSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "404", description = "Not in the official list of that phase")
    public Uni<Response> outline(@PathParam("code") String code,
            @Parameter(description = "1 or 2 (default)") @QueryParam("phase") String phase,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String p = Phases.ofNumber(phase);
        String geometry = lists.outlines(p).get(code);
        if (geometry == null) {
            throw ProblemException.notFound("Territory " + code + " in the official list of phase " + p);
        }
        return identities(p).map(names -> respond(built(feature(code, p, names, geometry)), ifNoneMatch));
    }

    /** Name and status by code: the registry's for phase 2 (names and statuses change there), the list's otherwise. */
    private Uni<Map<String, String[]>> identities(String phase) {
        Map<String, String[]> byCode = new HashMap<>();
        for (OfficialLists.Listed t : lists.of(phase)) {
            byCode.put(t.code(), new String[] {t.name(), "LABELLED"});
        }
        if (!Phases.CURRENT.equals(phase)) {
            return Uni.createFrom().item(byCode);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT code, name, status FROM territory", Object[].class)
                .getResultList()).map(rows -> {
                    for (Object[] r : rows) {
                        if (byCode.containsKey((String) r[0])) {
                            byCode.put((String) r[0], new String[] {(String) r[1], (String) r[2]});
                        }
                    }
                    return byCode;
                });
    }

    private String feature(String code, String phase, Map<String, String[]> names, String geometry) {
        String[] identity = names.getOrDefault(code, new String[] {code, "LABELLED"});
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", identity[0]);
        properties.put("phase", Phases.number(phase));
        properties.put("status", identity[1]);
        try {
            return "{\"type\":\"Feature\",\"id\":" + json.writeValueAsString(code) + ",\"properties\":"
                    + json.writeValueAsString(properties) + ",\"geometry\":" + geometry + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map.Entry<String, String>> sorted(Map<String, String> outlines) {
        return outlines.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static Built built(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Built(bytes, new EntityTag(sha256(bytes)));
    }

    private static Response respond(Built b, String ifNoneMatch) {
        if (Freshness.matches(ifNoneMatch, b.tag())) {
            return Response.notModified(b.tag()).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
        }
        return Response.ok(b.body(), GEOJSON).tag(b.tag()).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
