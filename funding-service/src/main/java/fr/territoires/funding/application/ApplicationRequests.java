package fr.territoires.funding.application;

import fr.territoires.commons.codes.Siret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What clients send about applications. Amounts are euros with at most two decimals. */
public final class ApplicationRequests {

    private ApplicationRequests() {
    }

    public record Amount(@NotNull UUID envelopeId,
            @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount of euros")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal amount) {
    }

    public record Owner(@NotNull @Siret String siret, @NotBlank @Size(max = 200) String name, boolean localAuthority) {
    }

    public record NewApplication(
            @NotNull @Pattern(regexp = "ti-[0-9A-Za-z-]+", message = "must be a territory code, e.g. ti-8413") String territory,
            @Positive Long actionSheetId,
            @NotNull @Valid Owner owner,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 4000) String description,
            @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount of euros")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal eligibleCost,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Amount> requested,
            @PositiveOrZero @Max(1_000_000) int jobsCreated,
            @PositiveOrZero @Max(1_000_000) int jobsKept,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal privateInvestment,
            @Size(max = 100) List<@NotNull UUID> recruitmentNeeds) {
    }

    /** Approve (amounts per envelope, default: as requested) or reject (reason required). */
    public record Decision(@NotNull Application.Status decision, @Size(max = 1000) String reason,
            @Size(max = 10) List<@NotNull @Valid ApprovedAmount> approved) {
    }

    /** An approved amount may be 0 (the envelope gives nothing), never negative. */
    public record ApprovedAmount(@NotNull UUID envelopeId,
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal amount) {
    }

    public record Withdrawal(@Size(max = 1000) String reason) {
    }
}
