package fr.territoires.funding.report;

import fr.territoires.commons.readcache.ReadCache;
import fr.territoires.commons.readcache.ReadRevision;
import fr.territoires.funding.envelope.Envelope;
import fr.territoires.funding.report.ReportResource.PriorityView;
import fr.territoires.funding.report.ReportResource.TotalView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * One territory's figures by priority (the territory report's money), kept between changes of the funding data
 * (issue #16, {@link ReadCache}): computed from {@link ReportQueries#facts} once per revision of applications,
 * commitments, payments and envelopes (migration V6), instead of at every dashboard view.
 *
 * <p>The figures are the same for every caller allowed to read them (facts are not filtered by caller), so the
 * key holds no caller: who may read the territory is decided before, at every request, by the resource
 * (FundingAccess), never kept. The territory's name, status and regions come from that same per-request read of
 * the replica; the regions are still part of the key, as {@link FundingSummary#summarise} is given them. The
 * facts do not depend on the day (no "today" in their SQL), so the key holds no date. Failures are not kept.
 */
@ApplicationScoped
public class TerritoryFigures {

    /** The priorities and the total of one territory's report. */
    public record Figures(List<PriorityView> priorities, TotalView total) {
    }

    /** Everything besides the data the figures depend on. */
    record Key(String territory, Integer year, List<String> regions) {
    }

    static final List<String> PRIORITIES = Arrays.stream(Envelope.Priority.values()).map(Enum::name).toList();

    private final ReadCache<Key, Figures> kept = new ReadCache<>(4_000);
    private final ReportQueries queries;
    private final ReadRevision revision;

    public TerritoryFigures(ReportQueries queries, ReadRevision revision) {
        this.queries = queries;
        this.revision = revision;
    }

    /** The figures of {@code territory} (one fiscal year, or all when null), as of the latest committed change. */
    public Uni<Figures> of(String territory, Integer year, List<String> regions) {
        Key key = new Key(territory, year, List.copyOf(regions));
        return revision.current().chain(rev -> kept.get(key, rev,
                () -> queries.facts(territory).map(facts -> compute(facts, year, key.regions()))));
    }

    static Figures compute(FundingSummary.Facts facts, Integer year, List<String> regions) {
        FundingSummary.Result result = FundingSummary.summarise(facts, FundingSummary.By.PRIORITY, year, c -> regions,
                PRIORITIES);
        List<PriorityView> priorities = result.groups().stream().map(g -> {
            Envelope.Priority p = Envelope.Priority.valueOf(g.key());
            return new PriorityView(p, Names.priority(p), g.approvedApplications(), g.committed(), g.paid(),
                    g.jobsCreated(), g.jobsKept(), g.privateInvestment(), g.leverage());
        }).toList();
        return new Figures(priorities, TotalView.of(result.total()));
    }
}
