package fr.territoires.funding.report;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.funding.envelope.Envelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.replica.Territories;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Read-only SQL of the reports. Each report's money is read in a single statement, so that its
 * figures come from one snapshot: committed and paid can never disagree because a payment landed
 * between two queries.
 */
@ApplicationScoped
public class ReportQueries {

    private final Territories replica;
    private final BusinessDates dates;

    public ReportQueries(Territories replica, BusinessDates dates) {
        this.replica = replica;
        this.dates = dates;
    }

    /** An envelope's balances (a cache of the ledger, kept in each movement's transaction). */
    public record EnvelopeLine(UUID id, Envelope.Funder funder, String region, String name, Envelope.Priority priority,
            int firstYear, int lastYear, BigDecimal ceiling, BigDecimal committed, BigDecimal paid, BigDecimal available,
            Envelope.Status status) {
    }

    public record EnvelopeFilter(String q, Envelope.Funder funder, Envelope.Priority priority, Envelope.Status status) {
    }

    /** Envelopes by funder, name and id (a stable order across pages); all of them when {@code page} is null. */
    public Uni<Page<EnvelopeLine>> envelopes(EnvelopeFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND strpos(lower(name), :q) > 0"); // a plain substring: % and _ mean themselves
            params.put("q", filter.q().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.funder() != null) {
            where.append(" AND funder = :funder");
            params.put("funder", filter.funder().name());
        }
        if (filter.priority() != null) {
            where.append(" AND priority = :priority");
            params.put("priority", filter.priority().name());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        String select = "SELECT id, funder, region, name, priority, first_year, last_year, ceiling, committed, paid, status "
                + "FROM envelope" + where + " ORDER BY funder, name, id"
                + (page == null ? "" : " LIMIT " + page.size() + " OFFSET " + page.offset());
        return Panache.getSession().chain(s -> bind(s.createNativeQuery(select, Object[].class), params).getResultList()
                .chain(rows -> {
                    List<EnvelopeLine> lines = rows.stream().map(ReportQueries::envelopeLine).toList();
                    if (page == null) {
                        return Uni.createFrom().item(new Page<>(lines, 0, Math.max(lines.size(), 1), lines.size()));
                    }
                    return bind(s.createNativeQuery("SELECT count(*) FROM envelope" + where, Long.class), params)
                            .getSingleResult().map(total -> Page.of(lines, page, total));
                }));
    }

    /**
     * Every fact the summary groups, for approved applications (of one territory when given): their
     * commitments, their payments net of reversals by fiscal year, and the applications themselves.
     * A reversal counts in the fiscal year of the payment it takes back — as the envelope's yearly
     * payment ceilings (CP) and the ledger count it.
     */
    public Uni<FundingSummary.Facts> facts(String territory) {
        String commitmentOf = territory == null ? "" : " AND c.territory_code = :territory";
        String applicationOf = territory == null ? "" : " AND a.territory_code = :territory";
        String sql = """
                SELECT 'C' AS fact, c.application_id AS application, c.territory_code AS territory, e.funder AS funder,
                       e.priority AS priority, CAST(extract(year FROM c.committed_on) AS integer) AS year,
                       c.amount AS amount, 0 AS jobs_created, 0 AS jobs_kept, CAST(NULL AS numeric) AS private_investment
                FROM commitment c JOIN application a ON a.id = c.application_id JOIN envelope e ON e.id = c.envelope_id
                WHERE a.status = 'APPROVED'%1$s
                UNION ALL
                SELECT 'P', c.application_id, c.territory_code, e.funder, e.priority,
                       coalesce(o.fiscal_year, p.fiscal_year),
                       sum(CASE WHEN p.kind = 'REVERSAL' THEN -p.amount ELSE p.amount END), 0, 0, NULL
                FROM payment p JOIN commitment c ON c.id = p.commitment_id JOIN application a ON a.id = c.application_id
                     JOIN envelope e ON e.id = c.envelope_id LEFT JOIN payment o ON o.id = p.reverses
                WHERE a.status = 'APPROVED'%1$s
                GROUP BY c.application_id, c.territory_code, e.funder, e.priority, coalesce(o.fiscal_year, p.fiscal_year)
                UNION ALL
                SELECT 'A', a.id, a.territory_code, NULL, NULL,
                       CAST(extract(year FROM coalesce(
                           (SELECT min(c.committed_on) FROM commitment c WHERE c.application_id = a.id),
                           CAST(coalesce(a.decided_at, a.updated_at) AT TIME ZONE 'Europe/Paris' AS date))) AS integer),
                       NULL, a.jobs_created, a.jobs_kept, a.private_investment
                FROM application a
                WHERE a.status = 'APPROVED'%2$s""".formatted(commitmentOf, applicationOf);
        Map<String, Object> params = territory == null ? Map.of() : Map.of("territory", territory);
        return Panache.getSession().chain(s -> bind(s.createNativeQuery(sql, Object[].class), params).getResultList())
                .map(rows -> {
                    List<FundingSummary.Commitment> commitments = new ArrayList<>();
                    List<FundingSummary.Payment> payments = new ArrayList<>();
                    List<FundingSummary.Approved> applications = new ArrayList<>();
                    for (Object[] r : rows) {
                        UUID application = (UUID) r[1];
                        String code = (String) r[2];
                        int year = ((Number) r[5]).intValue();
                        switch ((String) r[0]) {
                            case "C" -> commitments.add(new FundingSummary.Commitment(application, code, (String) r[3],
                                    (String) r[4], year, (BigDecimal) r[6]));
                            case "P" -> payments.add(new FundingSummary.Payment(application, code, (String) r[3],
                                    (String) r[4], year, (BigDecimal) r[6]));
                            default -> applications.add(new FundingSummary.Approved(application, code, year,
                                    ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), (BigDecimal) r[9]));
                        }
                    }
                    return new FundingSummary.Facts(commitments, payments, applications);
                });
    }

    /** These territories as the replica knows them today (absent: unknown to funding-service). */
    public Uni<Map<String, Territories.Known>> territories(Collection<String> codes) {
        return replica.find(codes, dates.today());
    }

    /**
     * Approved grants, one per commitment still holding money (a wholly released commitment is no
     * grant), oldest first; optionally of one year of convention and one funder.
     */
    public Uni<List<ScdlSubventions.Grant>> grants(Integer year, Envelope.Funder funder) {
        StringBuilder where = new StringBuilder(" WHERE a.status = 'APPROVED' AND c.amount > 0");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            where.append(" AND c.committed_on >= :from AND c.committed_on < :until");
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("until", LocalDate.of(year + 1, 1, 1));
        }
        if (funder != null) {
            where.append(" AND e.funder = :funder");
            params.put("funder", funder.name());
        }
        String sql = """
                SELECT c.id AS commitment, c.committed_on, c.amount, c.status, e.funder, e.region, e.funder_siret,
                       e.name AS envelope_name, e.last_year, a.owner_name, a.owner_siret, a.title,
                       count(p.id) AS payments, min(p.paid_on) AS first_paid, max(p.paid_on) AS last_paid
                FROM commitment c JOIN application a ON a.id = c.application_id JOIN envelope e ON e.id = c.envelope_id
                     LEFT JOIN payment p ON p.commitment_id = c.id AND p.kind <> 'REVERSAL'
                """ + where + """

                GROUP BY c.id, e.id, a.id
                ORDER BY c.committed_on, c.id""";
        return Panache.getSession().chain(s -> bind(s.createNativeQuery(sql, Object[].class), params).getResultList())
                .map(rows -> rows.stream().map(r -> new ScdlSubventions.Grant((UUID) r[0], (LocalDate) r[1],
                        (BigDecimal) r[2], "SETTLED".equals(r[3]), Envelope.Funder.valueOf((String) r[4]), (String) r[5],
                        (String) r[6], (String) r[7], ((Number) r[8]).intValue(), (String) r[9], (String) r[10],
                        (String) r[11], ((Number) r[12]).intValue(), (LocalDate) r[13], (LocalDate) r[14])).toList());
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static EnvelopeLine envelopeLine(Object[] r) {
        BigDecimal ceiling = (BigDecimal) r[7];
        BigDecimal committed = (BigDecimal) r[8];
        return new EnvelopeLine((UUID) r[0], Envelope.Funder.valueOf((String) r[1]), (String) r[2], (String) r[3],
                Envelope.Priority.valueOf((String) r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ceiling,
                committed, (BigDecimal) r[9], ceiling.subtract(committed), Envelope.Status.valueOf((String) r[10]));
    }
}
