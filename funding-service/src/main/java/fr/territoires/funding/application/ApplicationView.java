package fr.territoires.funding.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An application as the API shows it, with its financing plan. */
public record ApplicationView(UUID id, String territory, Long actionSheetId, Owner owner, String title, String description,
        BigDecimal eligibleCost, List<Line> plan, BigDecimal requested, BigDecimal approved, int jobsCreated, int jobsKept,
        BigDecimal privateInvestment, List<String> recruitmentNeeds, Application.Status status, boolean territoryLeft,
        String decisionReason, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime submittedAt, String createdBy,
        long version) {

    public record Owner(String siret, String name, boolean localAuthority) {
    }

    public record Line(UUID envelopeId, String envelopeName, BigDecimal requested, BigDecimal approved) {
    }

    static ApplicationView of(Application a, List<ApplicationLine> lines, Map<UUID, String> envelopeNames) {
        List<Line> plan = lines.stream()
                .map(l -> new Line(l.envelopeId, envelopeNames.get(l.envelopeId), l.requested, l.approved)).toList();
        BigDecimal requested = lines.stream().map(l -> l.requested).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approved = a.status == Application.Status.APPROVED
                ? lines.stream().map(l -> l.approved == null ? BigDecimal.ZERO : l.approved).reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
        return new ApplicationView(a.id, a.territoryCode, a.actionSheetId, new Owner(a.ownerSiret, a.ownerName,
                a.ownerLocalAuthority), a.title, a.description, a.eligibleCost, plan, requested, approved, a.jobsCreated,
                a.jobsKept, a.privateInvestment, List.of(a.recruitmentNeeds), a.status, a.territoryLeft, a.decisionReason,
                a.decidedBy, a.decidedAt, a.submittedAt, a.createdBy, a.version);
    }
}
