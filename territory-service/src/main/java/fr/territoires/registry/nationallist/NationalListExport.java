package fr.territoires.registry.nationallist;

import fr.territoires.commons.csv.CsvExport;
import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.registry.reference.ReferenceData.Named;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry as open data: the national list's own CSV format, and JSON. */
@ApplicationScoped
public class NationalListExport {

    public record OpenDataTerritory(String code, String name, String status, boolean pilot, List<Named> epcis,
            List<String> communes, long population, List<Named> departements, List<Named> regions) {
    }

    public record OpenData(String source, String phase, LocalDate asOf, int territories, List<OpenDataTerritory> items) {
    }

    private record Line(String code, String name, String status, boolean pilot, List<String> epcis) {
    }

    private final ReferenceData reference;

    public NationalListExport(ReferenceData reference) {
        this.reference = reference;
    }

    @WithSession
    Uni<List<Line>> territories(String phase, LocalDate asOf) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT t.code, t.name, t.status, t.pilot, te.epci_siren
                FROM territory t LEFT JOIN territory_epci te ON te.territory_code = t.code
                     AND te.valid_from <= :d AND (te.valid_to IS NULL OR te.valid_to > :d)
                WHERE :phase = ANY (t.phases)
                ORDER BY t.code, te.epci_siren""", Object[].class)
                .setParameter("d", asOf).setParameter("phase", phase).getResultList())
                .map(rows -> {
                    Map<String, Line> lines = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        Line line = lines.computeIfAbsent((String) r[0],
                                k -> new Line((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], new ArrayList<>()));
                        if (r[4] != null) {
                            line.epcis().add((String) r[4]);
                        }
                    }
                    return List.copyOf(lines.values());
                });
    }

    /** One row per commune of each territory's perimeter, as the official list is published. */
    public Uni<String> csv(String phase, LocalDate asOf) {
        return territories(phase, asOf).map(lines -> {
            CsvExport csv = CsvExport.of(';', NationalListCsv.COLUMNS);
            for (Line line : lines) {
                for (String insee : reference.coverage(line.epcis()).communes()) {
                    csv.row(List.of(insee, reference.commune(insee).orElseThrow().name(), line.code(), line.name()));
                }
            }
            return csv.text();
        });
    }

    public Uni<OpenData> json(String phase, LocalDate asOf) {
        return territories(phase, asOf).map(lines -> new OpenData(reference.source(), phase, asOf, lines.size(),
                lines.stream().map(this::openData).toList()));
    }

    private OpenDataTerritory openData(Line line) {
        ReferenceData.Coverage coverage = reference.coverage(line.epcis());
        return new OpenDataTerritory(line.code(), line.name(), line.status(), line.pilot(),
                line.epcis().stream().map(s -> new Named(s, reference.member(s).map(ReferenceData.Epci::name).orElse(s))).toList(),
                coverage.communes(), coverage.population(), coverage.departements(), coverage.regions());
    }
}
