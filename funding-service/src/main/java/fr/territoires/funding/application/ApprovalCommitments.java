package fr.territoires.funding.application;

import fr.territoires.backbone.outbox.Outbox;
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
     * {@code decision}: the application's own events, written with the envelopes' last balance and before
     * the commitments' events (an event takes its key's lock until commit: written last, it is held the least).
     */
    Uni<?> commit(Application app, List<String> territoryRegions, List<ApplicationRules.Line> lines, LocalDate on,
            String actor, List<Outbox.Pending> decision);
}
