package fr.territoires.recruitment.bulk;

import fr.territoires.commons.params.DateWindow;
import fr.territoires.commons.problem.Problem;
import fr.territoires.recruitment.company.Company;
import fr.territoires.recruitment.company.CompanyRequest;
import fr.territoires.recruitment.need.NeedRequest;
import fr.territoires.recruitment.need.RecruitmentNeed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a CSV row into the API's requests, naming each cell it cannot read by its column. */
public final class RowReader {

    /** The API's field names as the file's columns, so that errors name what the user sees. */
    static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("siret", "siret"),
            Map.entry("romeCode", "rome_code"), Map.entry("jobTitle", "job_title"), Map.entry("headcount", "headcount"),
            Map.entry("filledCount", "filled_count"), Map.entry("contractType", "contract_type"),
            Map.entry("qualificationLevel", "qualification_level"), Map.entry("skills", "skills"),
            Map.entry("workStudy", "work_study"), Map.entry("startDate", "start_date"), Map.entry("deadline", "deadline"),
            Map.entry("hoursPerWeek", "hours_per_week"), Map.entry("difficult", "difficult"),
            Map.entry("difficultyReasons", "difficulty_reasons"), Map.entry("difficultyComment", "difficulty_comment"),
            Map.entry("name", "company_name"), Map.entry("nafCode", "naf_code"), Map.entry("commune", "commune"),
            Map.entry("sizeBand", "size_band"), Map.entry("territory", "territory"));

    /** What a row says (the company only when its columns are filled), and the cells that cannot be read. */
    public record Read(NeedRequest need, CompanyRequest company, List<Problem.FieldError> errors) {
    }

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final NeedCsv.Row row;

    private RowReader(NeedCsv.Row row) {
        this.row = row;
    }

    public static Read read(NeedCsv.Row row) {
        return new RowReader(row).read();
    }

    /** The column a field of the API comes from. */
    public static String column(String field) {
        String base = field.replaceAll("\\[\\d+]$", "");
        return COLUMN_OF.getOrDefault(base, field);
    }

    private Read read() {
        var request = new NeedRequest(row.get("siret"), row.get("rome_code"),
                row.get("job_title"), integer("headcount"), integer("filled_count"),
                enumeration("contract_type", RecruitmentNeed.ContractType.class),
                enumeration("qualification_level", RecruitmentNeed.QualificationLevel.class), list("skills"),
                bool("work_study"), date("start_date"), date("deadline"), decimal("hours_per_week"), bool("difficult"),
                reasons(), row.get("difficulty_comment"));
        CompanyRequest company = null;
        if (row.get("company_name") != null || row.get("naf_code") != null || row.get("commune") != null
                || row.get("size_band") != null) {
            company = new CompanyRequest(row.get("siret"), row.get("company_name"), row.get("naf_code"),
                    row.get("commune"), enumeration("size_band", Company.SizeBand.class), row.get("territory"));
        }
        return new Read(request, company, List.copyOf(errors));
    }

    private Integer integer(String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(column, "must be a whole number"));
            return null;
        }
    }

    private BigDecimal decimal(String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(column, "must be a number, e.g. 35 or 37.5"));
            return null;
        }
    }

    private LocalDate date(String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (!DateWindow.contains(date)) {
                errors.add(new Problem.FieldError(column, DateWindow.rule()));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(column, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    private boolean bool(String column) {
        String v = row.get(column);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "oui", "yes", "1", "o", "y" -> true;
            case "false", "non", "no", "0", "n" -> false;
            default -> {
                errors.add(new Problem.FieldError(column, "must be true or false (oui/non)"));
                yield false;
            }
        };
    }

    private <E extends Enum<E>> E enumeration(String column, Class<E> type) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(column, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private List<String> list(String column) {
        String v = row.get(column);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Set<RecruitmentNeed.DifficultyReason> reasons() {
        Set<RecruitmentNeed.DifficultyReason> reasons = new LinkedHashSet<>();
        for (String value : list("difficulty_reasons")) {
            try {
                reasons.add(RecruitmentNeed.DifficultyReason.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("difficulty_reasons", "has " + value + "; each must be one of "
                        + Arrays.stream(RecruitmentNeed.DifficultyReason.values()).map(Enum::name)
                                .collect(Collectors.joining(", "))));
            }
        }
        return reasons;
    }
}
