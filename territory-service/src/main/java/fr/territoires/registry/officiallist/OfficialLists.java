package fr.territoires.registry.officiallist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.reference.ReferenceFiles;
import fr.territoires.registry.reference.Phases;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The programme's two official lists as ANCT publishes them, from the compact extract in
 * {@code reference/programme/} (rebuilt by {@code reference-data/programme.mjs} from ANCT's files):
 * each territory with its official code and member SIRENs, and its outline simplified for maps.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class OfficialLists {

    /**
     * @param members SIRENs of its EPCIs, EPTs and single communes found in the COG
     * @param unresolved SIRENs the list gives that are not in the COG any more (kept, never dropped)
     * @param successors for a phase-1 territory, the phase-2 territories that continue it (shared communes, see
     *     reference-data/succession.mjs), the one sharing most of its communes first; empty when none
     */
    public record Listed(String code, String name, List<String> members, List<String> unresolved, List<String> successors) {
    }

    private final ObjectMapper json;
    private final Map<String, List<Listed>> lists;
    private final Map<String, Map<String, String>> outlines;

    /** Read once at start-up (never on a request's event loop): a few hundred kB. */
    public OfficialLists(ObjectMapper json) {
        this.json = json;
        this.lists = Map.of(Phases.FIRST, read("programme/phase1.csv"), Phases.CURRENT, read("programme/phase2.csv"));
        this.outlines = Map.of(Phases.FIRST, readOutlines("programme/outlines-phase1.json.gz"),
                Phases.CURRENT, readOutlines("programme/outlines-phase2.json.gz"));
    }

    /** The list of a phase, in code order. */
    public List<Listed> of(String phase) {
        return lists.get(phase);
    }

    /** Where the lists come from, as {@code reference/programme/SOURCE} says. */
    public String source() {
        return ReferenceFiles.firstLine(OfficialLists.class, "programme/SOURCE");
    }

    /** Each territory's outline of a phase (GeoJSON geometry, as JSON text), by code. */
    public Map<String, String> outlines(String phase) {
        return outlines.get(phase);
    }

    private static List<Listed> read(String name) {
        List<Listed> rows = new ArrayList<>();
        ReferenceFiles.rows(OfficialLists.class, name, f -> rows.add(new Listed(f[0], f[1], split(f[2]), split(f[3]),
                f.length > 4 ? split(f[4]) : List.of())));
        return List.copyOf(rows);
    }

    private static List<String> split(String field) {
        return field.isBlank() ? List.of() : Arrays.asList(field.trim().split(" "));
    }

    private Map<String, String> readOutlines(String name) {
        try (InputStream in = ReferenceFiles.open(OfficialLists.class, name)) {
            JsonNode root = json.readTree(in);
            Map<String, String> byCode = new LinkedHashMap<>();
            for (var entry : root.properties()) {
                byCode.put(entry.getKey(), json.writeValueAsString(entry.getValue()));
            }
            return Map.copyOf(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException("reading reference/" + name, e);
        }
    }
}
