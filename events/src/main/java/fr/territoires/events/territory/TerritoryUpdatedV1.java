package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code fr.territoires.territory.updated.v1}: identity, governance, industrial profile, a committee
 * meeting or a contract document changed; {@code changed} names what, and the matching part is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryUpdatedV1(String code, String name, String status, boolean pilot, List<String> phases,
        List<String> changed, Governance governance, IndustrialProfile industrialProfile,
        CommitteeMeeting committeeMeeting, ContractDocument contractDocument) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String name, String role, String organisation, String siren) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Governance(Person electedOfficial, Person industrialist, Person projectLead,
            List<String> projectLeadFunders) {
    }

    public record KeyCompany(String siren, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndustrialProfile(BigDecimal industrialJobsShare, Integer industrialEstablishments,
            Integer referenceYear, List<KeyCompany> keyCompanies) {
    }

    public record CommitteeMeeting(String committee, String heldOn, List<String> decisions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContractDocument(String kind, String reference, String signedOn, List<String> signatories) {
    }

    /** The identity part alone; add what changed with the {@code with…} methods. */
    public static TerritoryUpdatedV1 of(String code, String name, String status, boolean pilot, List<String> phases,
            List<String> changed) {
        return new TerritoryUpdatedV1(code, name, status, pilot, phases, changed, null, null, null, null);
    }

    public TerritoryUpdatedV1 withGovernance(Governance g) {
        return new TerritoryUpdatedV1(code, name, status, pilot, phases, changed, g, industrialProfile, committeeMeeting,
                contractDocument);
    }

    public TerritoryUpdatedV1 withIndustrialProfile(IndustrialProfile p) {
        return new TerritoryUpdatedV1(code, name, status, pilot, phases, changed, governance, p, committeeMeeting,
                contractDocument);
    }

    public TerritoryUpdatedV1 withCommitteeMeeting(CommitteeMeeting m) {
        return new TerritoryUpdatedV1(code, name, status, pilot, phases, changed, governance, industrialProfile, m,
                contractDocument);
    }

    public TerritoryUpdatedV1 withContractDocument(ContractDocument d) {
        return new TerritoryUpdatedV1(code, name, status, pilot, phases, changed, governance, industrialProfile,
                committeeMeeting, d);
    }
}
