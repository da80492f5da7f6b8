package fr.territoires.registry.governance;

import fr.territoires.events.territory.TerritoryUpdatedV1;
import java.time.LocalDate;
import java.util.List;

/** A territory's governance as the API shows it: binôme, project lead, committees, contract. */
public record GovernanceView(String code, Member electedOfficial, Member industrialist, ProjectLead projectLead,
        List<String> projectLeadFunders, List<Meeting> meetings, List<Document> contract, Long version) {

    public record Member(String name, String role, String organisation, String siren) {
    }

    public record ProjectLead(String name, String employer, LocalDate since) {
    }

    public record Meeting(long id, CommitteeMeeting.Committee committee, LocalDate heldOn, String place, String chairedBy,
            List<String> decisions, String recordedBy) {

        static Meeting of(CommitteeMeeting m) {
            return new Meeting(m.id, m.committee, m.heldOn, m.place, m.chairedBy, List.of(m.decisions), m.recordedBy);
        }
    }

    public record Document(long id, ContractDocument.Kind kind, String reference, String title, LocalDate signedOn,
            LocalDate endsOn, List<String> signatories, String summary, String recordedBy) {

        static Document of(ContractDocument d) {
            return new Document(d.id, d.kind, d.reference, d.title, d.signedOn, d.endsOn, List.of(d.signatories),
                    d.summary, d.recordedBy);
        }
    }

    static GovernanceView of(String code, Governance g, List<CommitteeMeeting> meetings, List<ContractDocument> docs) {
        List<Meeting> m = meetings.stream().map(Meeting::of).toList();
        List<Document> d = docs.stream().map(Document::of).toList();
        if (g == null) {
            return new GovernanceView(code, null, null, null, List.of(), m, d, null);
        }
        return new GovernanceView(code,
                g.electedName == null ? null : new Member(g.electedName, g.electedOffice, g.electedOrganisation, null),
                g.industrialistName == null ? null : new Member(g.industrialistName, g.industrialistPosition,
                        g.industrialistCompany, g.industrialistSiren),
                g.projectLeadName == null ? null : new ProjectLead(g.projectLeadName, g.projectLeadEmployer, g.projectLeadSince),
                List.of(g.projectLeadFunders), m, d, g.version);
    }

    /** As territory.updated.v1 carries it. */
    static TerritoryUpdatedV1.Governance event(Governance g) {
        return new TerritoryUpdatedV1.Governance(
                g.electedName == null ? null : new TerritoryUpdatedV1.Person(g.electedName, g.electedOffice,
                        g.electedOrganisation, null),
                g.industrialistName == null ? null : new TerritoryUpdatedV1.Person(g.industrialistName,
                        g.industrialistPosition, g.industrialistCompany, g.industrialistSiren),
                g.projectLeadName == null ? null : new TerritoryUpdatedV1.Person(g.projectLeadName, null,
                        g.projectLeadEmployer, null),
                List.of(g.projectLeadFunders));
    }
}
