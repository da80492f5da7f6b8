package fr.territoires.recruitment.need;

import fr.territoires.commons.codes.Siret;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A need as clients send it, to declare it (siret required) or to replace it (siret absent or the
 * same; filledCount records the positions filled so far).
 */
public record NeedRequest(
        @Siret String siret,
        @NotNull String romeCode,
        @NotBlank @Size(max = 200) String jobTitle,
        @NotNull @Min(value = 1, message = "must be between 1 and 10,000") @Max(value = 10_000, message = "must be between 1 and 10,000")
        Integer headcount,
        @Min(value = 0, message = "must be 0 or more") Integer filledCount,
        @NotNull RecruitmentNeed.ContractType contractType,
        @NotNull RecruitmentNeed.QualificationLevel qualificationLevel,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills,
        boolean workStudy,
        @NotNull LocalDate startDate,
        @NotNull LocalDate deadline,
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most 48")
        @DecimalMax(value = "48", message = "must be more than 0 and at most 48 (the legal weekly maximum)")
        @Digits(integer = 2, fraction = 1, message = "must be hours with at most one decimal, e.g. 35 or 37.5")
        BigDecimal hoursPerWeek,
        boolean difficult,
        Set<RecruitmentNeed.@NotNull DifficultyReason> difficultyReasons,
        @Size(max = 1000) String difficultyComment) {
}
