package fr.territoires.funding.application;

import fr.territoires.commons.codes.Siret;
import com.fasterxml.jackson.annotation.JsonAlias;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What clients send about applications. Amounts are euros with at most two decimals. The financing
 * plan is sent in the shape it is read back with ({@code plan: [{envelopeId, requested}]}, then
 * {@code plan: [{envelopeId, approved}]} in a decision); the first published names
 * ({@code requested: [{envelopeId, amount}]}, {@code approved: [{envelopeId, amount}]}) are still
 * accepted as aliases (docs/partners.md, Changes).
 */
public final class ApplicationRequests {

    private ApplicationRequests() {
    }

    /** One envelope of the plan and the amount asked of it. */
    public record Amount(@NotNull UUID envelopeId,
            @Schema(description = "Euros asked of this envelope (the deprecated name `amount` is still accepted)",
                    examples = "120000.00")
            @JsonAlias("amount")
            @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount of euros")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal requested) {
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
            @Schema(description = "The financing plan: each envelope asked and its amount, as the application is read "
                    + "back (the deprecated name `requested` with `amount` items is still accepted)")
            @JsonAlias("requested")
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Amount> plan,
            @PositiveOrZero @Max(1_000_000) int jobsCreated,
            @PositiveOrZero @Max(1_000_000) int jobsKept,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal privateInvestment,
            @Size(max = 100) List<@NotNull UUID> recruitmentNeeds) {
    }

    /** Approve (amounts per envelope, default: as requested) or reject (reason required). */
    public record Decision(@NotNull Application.Status decision, @Size(max = 1000) String reason,
            @Schema(description = "For an approval, the amount granted per envelope of the plan (default: as requested; "
                    + "the deprecated name `approved` with `amount` items is still accepted)")
            @JsonAlias("approved")
            @Size(max = 10) List<@NotNull @Valid ApprovedAmount> plan) {
    }

    /** An approved amount may be 0 (the envelope gives nothing), never negative. */
    public record ApprovedAmount(@NotNull UUID envelopeId,
            @Schema(description = "Euros granted on this envelope (the deprecated name `amount` is still accepted)",
                    examples = "100000.00")
            @JsonAlias("amount")
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal approved) {
    }

    public record Withdrawal(@Size(max = 1000) String reason) {
    }
}
