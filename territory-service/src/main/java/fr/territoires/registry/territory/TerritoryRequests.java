package fr.territoires.registry.territory;

import fr.territoires.registry.entry.TerritoryStatus;
import fr.territoires.registry.reference.Phases;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What clients send to change the registry. */
public final class TerritoryRequests {

    private TerritoryRequests() {
    }

    public record NewTerritory(
            @NotBlank @Size(max = 32) @Pattern(regexp = "^ti-[0-9A-Za-z-]+$",
                    message = "must be an official territory code (id_ti), e.g. ti-8413") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull TerritoryStatus status,
            boolean pilot,
            @Size(min = 1, max = 2) List<@NotNull @Pattern(regexp = "2019-2022|2023-2027",
                    message = "must be 2019-2022 or 2023-2027") String> phases,
            Map<@Pattern(regexp = "2019-2022|2023-2027", message = "must be 2019-2022 or 2023-2027") String,
                    @NotNull @PastOrPresent LocalDate> labelledOn) {

        /** Label dates by phase as given (today for the others). */
        public Map<String, LocalDate> labelDates() {
            return labelledOn == null ? Map.of() : labelledOn;
        }

        /** Phases as given, or the current phase. */
        public String[] phasesOrCurrent() {
            return phases == null ? new String[] {Phases.CURRENT} : phases.stream().distinct().sorted().toArray(String[]::new);
        }
    }

    /** What a territory's identity update may change; absent fields stay as they are. The code never changes. */
    public record IdentityChange(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            Boolean pilot,
            @Size(min = 1, max = 2) List<@NotNull @Pattern(regexp = "2019-2022|2023-2027",
                    message = "must be 2019-2022 or 2023-2027") String> phases) {

        /** Phases sorted and without repeats, or null when not given. */
        public String[] sortedPhases() {
            return phases == null ? null : phases.stream().distinct().sorted().toArray(String[]::new);
        }
    }

    public record StatusChange(@NotNull TerritoryStatus status, @Size(max = 1000) String reason) {
    }
}
