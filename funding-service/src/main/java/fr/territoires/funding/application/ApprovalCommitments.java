package fr.territoires.funding.application;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;

/**
 * Commits an approved application's amounts on their envelopes, all or none, in the approval's
 * transaction. Implemented by the commitment capability ({@code CommitmentService}), which sits
 * above the applications it commits: applications never depend on commitments.
 */
public interface ApprovalCommitments {

    /**
     * {@code before}: the application's own events, written after the envelopes' balances and before the
     * commitments' events (an event takes its key's lock until commit: written last, it is held the least).
     */
    Uni<?> commit(Application app, List<String> territoryRegions, List<ApplicationRules.Line> lines, LocalDate on,
            String actor, java.util.function.Supplier<Uni<Void>> before);
}
