package fr.territoires.recruitment.bulk;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.csv.CsvUpload;
import fr.territoires.commons.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Needs as a spreadsheet gives them: a header row naming the columns (any order, {@link #REQUIRED}
 * and any of {@link #OPTIONAL}), comma or semicolon separated, UTF-8 with or without BOM, fields
 * optionally quoted (RFC 4180). Lists (skills, difficulty_reasons) are separated by '|'.
 */
public final class NeedCsv {

    public static final List<String> REQUIRED = List.of("siret", "rome_code", "job_title", "headcount", "contract_type",
            "qualification_level", "start_date", "deadline", "hours_per_week");
    public static final List<String> OPTIONAL = List.of("filled_count", "skills", "work_study", "difficult",
            "difficulty_reasons", "difficulty_comment", "company_name", "naf_code", "commune", "size_band", "territory");
    public static final int MAX_ROWS = 5_000;

    /** One data row by column name; {@code line} is its line number in the file (the header is line 1). */
    public record Row(int line, Map<String, String> values) {

        /** The trimmed value, or null when the column is absent or the cell empty. */
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private NeedCsv() {
    }

    public static List<Row> parse(byte[] bytes) {
        // The header and one row more than allowed (for its own message), at most, are read: beyond, the file is refused as it is read.
        List<CsvUpload.Record> records = CsvUpload.read(bytes, MAX_ROWS + 2);
        if (records.isEmpty()) {
            throw ProblemException.invalid("file", "is empty; expected a header with " + String.join(";", REQUIRED));
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add(new Problem.FieldError("file", "the header has no column " + column));
            }
        }
        for (String column : header) {
            if (!column.isEmpty() && !REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                errors.add(new Problem.FieldError("file", "unknown column " + column + " (known: "
                        + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("The header of the file is not usable", errors));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r).fields();
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < fields.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            rows.add(new Row(records.get(r).line(), values));
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "has a header but no row");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("file", "has " + rows.size() + " needs; at most " + MAX_ROWS
                    + " per file (split it)");
        }
        return rows;
    }
}
