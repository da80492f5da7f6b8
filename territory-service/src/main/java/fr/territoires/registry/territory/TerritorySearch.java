package fr.territoires.registry.territory;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.actionsheet.ActionSheet;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryStatus;
import fr.territoires.registry.perimeter.PhaseOne;
import fr.territoires.registry.reference.Phases;
import fr.territoires.registry.reference.ReferenceData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Searching the registry: by phase, status and name in the database; by region and département
 * through today's perimeters and the reference data (they are derived, never stored). The
 * programme has a few hundred territories, so the derived filters run in memory.
 */
@ApplicationScoped
public class TerritorySearch {

    @jakarta.inject.Inject
    BusinessDates dates;

    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2A|2B|97[1-6]");

    /** The filters, all optional; {@code q} matches the name or the code, case and accents aside. */
    public record Criteria(String phase, TerritoryStatus status, String region, String departement, String priority,
            String q) {

        public static Criteria of(String phase, String status, String region, String departement, String priority,
                String q) {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (phase != null && !phase.isBlank() && !Phases.ALL.contains(phase)) {
                errors.add(new Problem.FieldError("phase", "must be 2019-2022 or 2023-2027"));
            }
            TerritoryStatus parsedStatus = null;
            if (status != null && !status.isBlank()) {
                try {
                    parsedStatus = TerritoryStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError("status", "must be CANDIDATE, LABELLED or LEFT"));
                }
            }
            if (region != null && !region.isBlank()) {
                OfficialCodes.regionProblem(region).ifPresent(p -> errors.add(new Problem.FieldError("region", p)));
            }
            if (departement != null && !departement.isBlank() && !DEPARTEMENT.matcher(departement).matches()) {
                errors.add(new Problem.FieldError("departement", "must be a département code, e.g. 54, 2A or 974"));
            }
            if (priority != null && !priority.isBlank()
                    && Arrays.stream(ActionSheet.Priority.values()).noneMatch(p -> p.name().equals(priority))) {
                errors.add(new Problem.FieldError("priority", "must be RECRUIT, INNOVATE, ATTRACT or SIMPLIFY"));
            }
            if (q != null && q.length() > 100) {
                errors.add(new Problem.FieldError("q", "must be at most 100 characters"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(Problem.validation("Invalid search", errors));
            }
            return new Criteria(blankToNull(phase), parsedStatus, blankToNull(region), blankToNull(departement),
                    blankToNull(priority), blankToNull(q));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    /** A territory in search results, with where it is (from today's perimeter). */
    public record Found(Territory territory, List<String> regions, List<String> departements) {
    }

    private final ReferenceData reference;
    private final PhaseOne phaseOne;

    public TerritorySearch(ReferenceData reference, PhaseOne phaseOne) {
        this.reference = reference;
        this.phaseOne = phaseOne;
    }

    @WithSession
    public Uni<Page<Found>> search(Criteria criteria, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.phase() != null) {
            where.append(" AND :phase = ANY (t.phases)");
            params.put("phase", criteria.phase());
        }
        if (criteria.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", criteria.status().name());
        }
        if (criteria.priority() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM action_sheet a WHERE a.territory_code = t.code"
                    + " AND a.priority = :priority AND a.status <> 'ABANDONED')");
            params.put("priority", criteria.priority());
        }
        if (criteria.q() != null) {
            where.append(" AND (lower(t.name) LIKE :q OR lower(t.code) LIKE :q)");
            params.put("q", "%" + criteria.q().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery("SELECT t.* FROM territory t WHERE " + where + " ORDER BY t.code",
                    Territory.class);
            params.forEach(query::setParameter);
            return query.getResultList().chain(territories -> epcisOn(session, dates.today()).chain(epcis -> officialPhaseOne(criteria)
                    .map(phaseOne -> {
                Map<String, Found> found = new java.util.TreeMap<>();
                for (Territory t : territories) {
                    keep(found, criteria, t, epcis.getOrDefault(t.code, List.of()));
                }
                // The official phase-1 list answers for its own codes (they are phase-1 codes, see PhaseOne).
                for (PhaseOne.Territory t : phaseOne) {
                    found.remove(t.code());
                    keep(found, criteria, phaseOneAsTerritory(t), t.members());
                }
                List<Found> items = found.values().stream().skip(page.offset()).limit(page.size()).toList();
                return Page.of(items, page, found.size());
            })));
        });
    }

    private void keep(Map<String, Found> found, Criteria criteria, Territory t, List<String> members) {
        ReferenceData.Coverage coverage = reference.coverage(members);
        List<String> regions = coverage.regions().stream().map(ReferenceData.Named::code).toList();
        List<String> departements = coverage.departements().stream().map(ReferenceData.Named::code).toList();
        if ((criteria.region() == null || regions.contains(criteria.region()))
                && (criteria.departement() == null || departements.contains(criteria.departement()))) {
            found.put(t.code, new Found(t, regions, departements));
        }
    }

    /** The official phase-1 territories matching the criteria, when phase 1 is asked for. */
    private Uni<List<PhaseOne.Territory>> officialPhaseOne(Criteria criteria) {
        if (!Phases.FIRST.equals(criteria.phase()) || criteria.priority() != null
                || (criteria.status() != null && criteria.status() != TerritoryStatus.LABELLED)) {
            return Uni.createFrom().item(List.of());
        }
        String q = criteria.q() == null ? null : fold(criteria.q());
        return phaseOne.all().map(all -> all.stream()
                .filter(t -> q == null || fold(t.name()).contains(q) || fold(t.code()).contains(q)).toList());
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A phase-1 territory of the official list, shown like the registry's: labelled in phase 1. */
    private static Territory phaseOneAsTerritory(PhaseOne.Territory t) {
        Territory territory = Territory.of(t.code(), t.name(), TerritoryStatus.LABELLED, false);
        territory.phases = new String[] {Phases.FIRST};
        return territory;
    }

    private static Uni<Map<String, List<String>>> epcisOn(org.hibernate.reactive.mutiny.Mutiny.Session session,
            LocalDate today) {
        return session.createNativeQuery("""
                SELECT territory_code, epci_siren FROM territory_epci
                WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)""", Object[].class)
                .setParameter("d", today).getResultList()
                .map(rows -> {
                    Map<String, List<String>> byTerritory = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        byTerritory.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
                    }
                    return byTerritory;
                });
    }
}
