package fr.territoires.recruitment.indicators;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.readcache.ReadCache;
import fr.territoires.commons.readcache.ReadRevision;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.recruitment.reference.ReferenceData;
import fr.territoires.recruitment.reference.Rome;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Monthly recruitment indicators per area (territory, EPCI, département, region, commune, or the
 * whole country) and per job (ROME code or family), from each need's state at the end of each month
 * (need_change). Areas are where the needs were declared.
 *
 * <p>Series are kept between changes of the needs (issue #16, {@link ReadCache}): computed once per revision of
 * needs, their changes and the replica's territory names (migration V6), keyed by the query and the business day
 * (the average age of the open needs counts to today). They are the same for every signed-in caller (aggregates,
 * no scope), so no caller is in the key. Bad parameters are refused before anything is read or kept.
 */
@ApplicationScoped
public class Indicators {

    public enum Level {
        TERRITORY("n.territory_code"), EPCI("coalesce(n.epci, '')"), DEPARTEMENT("n.departement"), REGION("n.region"),
        COMMUNE("n.commune"), NATIONAL("'FR'");

        final String column;

        Level(String column) {
            this.column = column;
        }
    }

    public enum By {
        ROME("st.rome_code"), FAMILY("left(st.rome_code, 1)"), NONE("'*'");

        final String column;

        By(String column) {
            this.column = column;
        }
    }

    /** What the indicators are asked for; months inclusive. */
    public record Query(Level level, String area, By by, String romeCode, String family, YearMonth from, YearMonth to) {
    }

    /**
     * One job (ROME code, family letter, or * for all) in one area for one month; shares are of the open needs.
     * {@code jobLabel}: the ROME referential's label of the job when rows are by ROME code.
     */
    public record Row(String month, String area, String areaName, String job, String familyName, long declaredNeeds,
            long declaredPositions, long openNeeds, long openPositions, long difficultNeeds, BigDecimal difficultShare,
            BigDecimal workStudyShare, BigDecimal averageAgeDays, BigDecimal unfilledShare, Integer tension,
            String jobLabel) {
    }

    public static final int MAX_MONTHS = 36;

    /** What a kept series depends on besides the data: the query and the day its ages count to. */
    record Key(Query query, LocalDate today) {
    }

    /** Rows kept, all series together (a row is a few hundred bytes: some tens of megabytes at most). */
    static final long KEPT_ROWS = 100_000;

    private final ReadCache<Key, List<Row>> kept = new ReadCache<>(KEPT_ROWS, List::size);
    private final Territories territories;
    private final ReferenceData reference;
    private final BusinessDates today;
    private final ReadRevision revision;

    public Indicators(Territories territories, ReferenceData reference, BusinessDates today, ReadRevision revision) {
        this.territories = territories;
        this.reference = reference;
        this.today = today;
        this.revision = revision;
    }

    /** The current month, for defaults and bounds. */
    public YearMonth currentMonth() {
        return YearMonth.from(today.today());
    }

    /** The series {@code q} asks for, as of the latest committed change. */
    public Uni<List<Row>> rows(Query q) {
        LocalDate day = today.today();
        YearMonth currentMonth = YearMonth.from(day);
        if (q.to().isAfter(currentMonth)) {
            throw ProblemException.invalid("to", "must not be after the current month (" + currentMonth + ")");
        }
        if (q.from().isAfter(q.to())) {
            throw ProblemException.invalid("from", "must not be after to (" + q.to() + ")");
        }
        if (q.from().plusMonths(MAX_MONTHS - 1).isBefore(q.to())) {
            throw ProblemException.invalid("from", "the series may span at most " + MAX_MONTHS + " months");
        }
        Key key = new Key(q, day);
        return revision.current().chain(rev -> kept.get(key, rev, () -> Panache.withSession(() -> compute(q, day))));
    }

    private Uni<List<Row>> compute(Query q, LocalDate day) {
        String sql = """
                WITH months AS (
                    SELECT CAST(m AS date) AS month_start, CAST(m + interval '1 month' AS date) AS month_end
                    FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 month') AS m
                ),
                states AS (
                    SELECT m.month_start, m.month_end, s.*
                    FROM months m
                    CROSS JOIN LATERAL (
                        SELECT DISTINCT ON (c.need_id) c.need_id, c.changed_on, c.status, c.rome_code, c.headcount,
                               c.filled_count, c.difficult, c.work_study
                        FROM need_change c
                        WHERE c.changed_on < m.month_end
                        ORDER BY c.need_id, c.changed_on DESC, c.id DESC) s
                )
                SELECT to_char(st.month_start, 'YYYY-MM'), %1$s, %2$s,
                    count(*) FILTER (WHERE n.declared_on >= st.month_start),
                    coalesce(sum(st.headcount) FILTER (WHERE n.declared_on >= st.month_start), 0),
                    count(*) FILTER (WHERE %3$s),
                    coalesce(sum(st.headcount - st.filled_count) FILTER (WHERE %3$s), 0),
                    count(*) FILTER (WHERE %3$s AND st.difficult),
                    coalesce(sum(st.headcount - st.filled_count) FILTER (WHERE %3$s AND st.difficult), 0),
                    count(*) FILTER (WHERE %3$s AND st.work_study),
                    coalesce(sum(least(st.month_end - 1, CAST(:today AS date)) - n.declared_on) FILTER (WHERE %3$s), 0),
                    coalesce(sum(st.headcount) FILTER (WHERE %4$s), 0),
                    coalesce(sum(st.headcount - st.filled_count) FILTER (WHERE %4$s AND st.status = 'EXPIRED'), 0)
                FROM states st JOIN recruitment_need n ON n.id = st.need_id
                WHERE %5$s
                GROUP BY 1, 2, 3
                ORDER BY 1, 2, 3""".formatted(q.level().column, q.by().column,
                "st.status IN ('OPEN', 'PARTIALLY_FILLED')",
                "st.status IN ('FILLED', 'EXPIRED') AND st.changed_on >= st.month_end - interval '12 months'",
                filter(q));
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class)
                    .setParameter("from", q.from().atDay(1)).setParameter("to", q.to().atDay(1))
                    .setParameter("today", day);
            if (q.area() != null) {
                query.setParameter("area", q.area());
            }
            if (q.romeCode() != null) {
                query.setParameter("rome", q.romeCode());
            }
            if (q.family() != null) {
                query.setParameter("family", q.family() + "%");
            }
            return query.getResultList();
        }).chain(raw -> names(q, raw).map(names -> raw.stream().map(r -> row(q, r, names)).toList()));
    }

    /** The jobs of one area in one month, most tense first (then most open positions). */
    public Uni<List<Row>> shortageJobs(Level level, String area, YearMonth month, int limit) {
        return rows(new Query(level, area, By.ROME, null, null, month, month)).map(rows -> rows.stream()
                .filter(r -> r.tension() != null)
                .sorted(Comparator.comparing(Row::tension).reversed()
                        .thenComparing(Comparator.comparing(Row::openPositions).reversed())
                        .thenComparing(Row::job))
                .limit(limit).toList());
    }

    private static String filter(Query q) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (q.area() != null) {
            where.append(" AND ").append(q.level().column).append(" = :area");
        }
        if (q.romeCode() != null) {
            where.append(" AND st.rome_code = :rome");
        }
        if (q.family() != null) {
            where.append(" AND st.rome_code LIKE :family");
        }
        return where.toString();
    }

    private Uni<Map<String, String>> names(Query q, List<Object[]> raw) {
        Set<String> areas = raw.stream().map(r -> (String) r[1]).collect(Collectors.toSet());
        return switch (q.level()) {
            case TERRITORY -> territories.names(areas);
            case EPCI -> Uni.createFrom().item(named(areas, reference::epciName));
            case DEPARTEMENT -> Uni.createFrom().item(named(areas, reference::departementName));
            case REGION -> Uni.createFrom().item(named(areas, reference::regionName));
            case COMMUNE -> Uni.createFrom().item(named(areas, c -> reference.commune(c).map(ReferenceData.Commune::name)));
            case NATIONAL -> Uni.createFrom().item(Map.of("FR", "France"));
        };
    }

    private static Map<String, String> named(Set<String> codes,
            java.util.function.Function<String, java.util.Optional<String>> name) {
        return codes.stream().filter(c -> name.apply(c).isPresent())
                .collect(Collectors.toMap(c -> c, c -> name.apply(c).orElseThrow()));
    }

    private static Row row(Query q, Object[] r, Map<String, String> names) {
        long openNeeds = number(r[5]);
        long openPositions = number(r[6]);
        long difficultNeeds = number(r[7]);
        long difficultPositions = number(r[8]);
        long workStudy = number(r[9]);
        long ageDays = number(r[10]);
        long ended = number(r[11]);
        long unfilled = number(r[12]);
        String job = (String) r[2];
        String familyName = q.by() == By.NONE ? null : Rome.Family.of(job.substring(0, 1)).map(f -> f.label).orElse(null);
        String area = (String) r[1];
        return new Row((String) r[0], area.isEmpty() ? null : area, names.get(area), job, familyName, number(r[3]),
                number(r[4]), openNeeds, openPositions, difficultNeeds, Tension.share(difficultNeeds, openNeeds),
                Tension.share(workStudy, openNeeds),
                openNeeds == 0 ? null : BigDecimal.valueOf(ageDays).divide(BigDecimal.valueOf(openNeeds), 1, RoundingMode.HALF_UP),
                Tension.share(unfilled, ended),
                Tension.of(new Tension.Inputs(openNeeds, openPositions, difficultPositions, ageDays, ended, unfilled)),
                q.by() == By.ROME ? Rome.label(job).orElse(null) : null);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

}
