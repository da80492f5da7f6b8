package fr.territoires.funding.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The evaluation figures of approved applications (projects, committed vs paid, jobs, private
 * investment, leverage), grouped by one dimension. Plain computation over facts read in one
 * statement, so that every rule of grouping is tested without a database.
 *
 * <p>A fact counts in every group it belongs to: a territory in two regions counts in both, an
 * application co-financed by two funders counts for each. Groups may therefore add up to more than
 * the total, which counts every application, commitment and payment once.
 */
public final class FundingSummary {

    /** What the figures are grouped by ({@code ?by=}). */
    public enum By {
        TERRITORY, REGION, PRIORITY, FUNDER, YEAR;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The group of facts whose territory is in no known region (unknown to the replica). */
    public static final String UNKNOWN_REGION = "unknown";

    /** A commitment of an approved application: its current amount (after decommitments), in the year it was made. */
    public record Commitment(UUID application, String territory, String funder, String priority, int year,
            BigDecimal amount) {
    }

    /** Payments minus reversals on an application's commitments of one envelope kind, in one fiscal year. */
    public record Payment(UUID application, String territory, String funder, String priority, int fiscalYear,
            BigDecimal net) {
    }

    /** An approved application: its year (of its commitments, else of its decision), jobs and private investment. */
    public record Approved(UUID application, String territory, int year, int jobsCreated, int jobsKept,
            BigDecimal privateInvestment) {
    }

    public record Facts(List<Commitment> commitments, List<Payment> payments, List<Approved> applications) {

        /** Every territory the facts name. */
        public Set<String> territories() {
            Set<String> codes = new HashSet<>();
            commitments.forEach(c -> codes.add(c.territory()));
            payments.forEach(p -> codes.add(p.territory()));
            applications.forEach(a -> codes.add(a.territory()));
            return codes;
        }

        /** Only the facts of the territories kept. */
        public Facts of(java.util.function.Predicate<String> territory) {
            return new Facts(commitments.stream().filter(c -> territory.test(c.territory())).toList(),
                    payments.stream().filter(p -> territory.test(p.territory())).toList(),
                    applications.stream().filter(a -> territory.test(a.territory())).toList());
        }
    }

    public record Figures(String key, long approvedApplications, BigDecimal committed, BigDecimal paid, long jobsCreated,
            long jobsKept, BigDecimal privateInvestment, BigDecimal leverage) {
    }

    public record Result(List<Figures> groups, Figures total) {
    }

    private FundingSummary() {
    }

    /**
     * @param year only that year's facts (commitments by their year, payments by fiscal year,
     *        applications by their year), all years when null
     * @param regionsOf the regions of a territory, empty when unknown
     * @param seed keys listed first and always, even with nothing in them (the four priorities…)
     */
    public static Result summarise(Facts facts, By by, Integer year, Function<String, List<String>> regionsOf,
            List<String> seed) {
        // An application belongs to the funders and priorities of all its commitments, whatever their year.
        Map<UUID, Set<String>> funders = new HashMap<>();
        Map<UUID, Set<String>> priorities = new HashMap<>();
        for (Commitment c : facts.commitments()) {
            funders.computeIfAbsent(c.application(), k -> new HashSet<>()).add(c.funder());
            priorities.computeIfAbsent(c.application(), k -> new HashSet<>()).add(c.priority());
        }
        Map<String, Accumulator> groups = new LinkedHashMap<>();
        seed.forEach(k -> groups.put(k, new Accumulator()));
        Accumulator total = new Accumulator();

        for (Commitment c : facts.commitments()) {
            if (year == null || c.year() == year) {
                for (String key : keys(by, c.territory(), c.funder(), c.priority(), c.year(), regionsOf)) {
                    groups.computeIfAbsent(key, k -> new Accumulator()).committed(c.amount());
                }
                total.committed(c.amount());
            }
        }
        for (Payment p : facts.payments()) {
            if (year == null || p.fiscalYear() == year) {
                for (String key : keys(by, p.territory(), p.funder(), p.priority(), p.fiscalYear(), regionsOf)) {
                    groups.computeIfAbsent(key, k -> new Accumulator()).paid(p.net());
                }
                total.paid(p.net());
            }
        }
        for (Approved a : facts.applications()) {
            if (year == null || a.year() == year) {
                List<String> keys = switch (by) {
                    case FUNDER -> List.copyOf(funders.getOrDefault(a.application(), Set.of()));
                    case PRIORITY -> List.copyOf(priorities.getOrDefault(a.application(), Set.of()));
                    default -> keys(by, a.territory(), null, null, a.year(), regionsOf);
                };
                for (String key : keys) {
                    groups.computeIfAbsent(key, k -> new Accumulator()).application(a);
                }
                total.application(a);
            }
        }

        List<String> order = new ArrayList<>(groups.keySet());
        List<String> others = order.stream().filter(k -> !seed.contains(k))
                .sorted(Comparator.comparing((String k) -> k.equals(UNKNOWN_REGION)).thenComparing(k -> k)).toList();
        List<Figures> result = new ArrayList<>();
        seed.forEach(k -> result.add(groups.get(k).figures(k)));
        others.forEach(k -> result.add(groups.get(k).figures(k)));
        return new Result(result, total.figures(null));
    }

    private static List<String> keys(By by, String territory, String funder, String priority, int year,
            Function<String, List<String>> regionsOf) {
        return switch (by) {
            case TERRITORY -> List.of(territory);
            case REGION -> {
                List<String> regions = regionsOf.apply(territory);
                yield regions == null || regions.isEmpty() ? List.of(UNKNOWN_REGION) : regions;
            }
            case FUNDER -> List.of(funder);
            case PRIORITY -> List.of(priority);
            case YEAR -> List.of(String.valueOf(year));
        };
    }

    private static final class Accumulator {
        private final Set<UUID> applications = new HashSet<>();
        private BigDecimal committed = ReportMath.ZERO;
        private BigDecimal paid = ReportMath.ZERO;
        private long jobsCreated;
        private long jobsKept;
        private BigDecimal privateInvestment = ReportMath.ZERO;

        void committed(BigDecimal amount) {
            committed = committed.add(amount);
        }

        void paid(BigDecimal amount) {
            paid = paid.add(amount);
        }

        /** Once per application, even when several facts bring it into the group. */
        void application(Approved a) {
            if (applications.add(a.application())) {
                jobsCreated += a.jobsCreated();
                jobsKept += a.jobsKept();
                privateInvestment = privateInvestment.add(a.privateInvestment());
            }
        }

        Figures figures(String key) {
            return new Figures(key, applications.size(), committed, paid, jobsCreated, jobsKept, privateInvestment,
                    ReportMath.leverage(privateInvestment, committed));
        }
    }
}
