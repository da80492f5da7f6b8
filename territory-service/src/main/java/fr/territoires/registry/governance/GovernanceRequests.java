package fr.territoires.registry.governance;

import fr.territoires.commons.codes.Siren;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What clients send to record a territory's governance. */
public final class GovernanceRequests {

    private GovernanceRequests() {
    }

    /** A member of the governance: name, office or position, organisation (and its SIREN for a company). */
    public record Member(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role,
            @Size(max = 200) String organisation, @Siren String siren) {
    }

    public record ProjectLead(@NotBlank @Size(max = 200) String name, @Size(max = 200) String employer, LocalDate since) {
    }

    /** The whole governance, replaced at once; an absent member is "not appointed yet". */
    public record GovernanceUpdate(@Valid Member electedOfficial, @Valid Member industrialist,
            @Valid ProjectLead projectLead,
            @Size(max = 10) List<@NotBlank @Size(max = 200) String> projectLeadFunders) {
    }

    public record NewMeeting(@NotNull CommitteeMeeting.Committee committee, @NotNull LocalDate heldOn,
            @Size(max = 200) String place, @Size(max = 200) String chairedBy,
            @Size(max = 50) List<@NotBlank @Size(max = 2000) String> decisions) {
    }

    public record NewContractDocument(@NotNull ContractDocument.Kind kind, @Size(max = 100) String reference,
            @NotBlank @Size(max = 300) String title, @NotNull LocalDate signedOn, LocalDate endsOn,
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 200) String> signatories,
            @Size(max = 4000) String summary) {
    }
}
