package fr.territoires.registry.nationallist;

import fr.territoires.commons.csv.CsvUpload;
import fr.territoires.commons.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The official list of territories as published: one row per commune, columns {@code insee_com},
 * {@code lib_com}, {@code id_ti}, {@code lib_ti} in any order, comma or semicolon separated, UTF-8
 * with or without BOM, fields optionally quoted (RFC 4180).
 */
public final class NationalListCsv {

    public static final List<String> COLUMNS = List.of("insee_com", "lib_com", "id_ti", "lib_ti");
    /** France has about 35,000 communes: a list of more rows (with its header) is no national list. */
    public static final int MAX_RECORDS = 100_000;

    /** One data row; {@code line} is its line number in the file (the header is line 1). */
    public record Row(int line, String inseeCom, String libCom, String idTi, String libTi) {
    }

    private NationalListCsv() {
    }

    public static List<Row> parse(byte[] bytes) {
        List<CsvUpload.Record> records = CsvUpload.read(bytes, MAX_RECORDS);
        if (records.isEmpty()) {
            throw ProblemException.invalid("file", "is empty; expected a header " + String.join(";", COLUMNS));
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int[] index = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            index[i] = header.indexOf(COLUMNS.get(i));
            if (index[i] < 0) {
                throw ProblemException.invalid("file", "the header has no column " + COLUMNS.get(i) + " (found: "
                        + String.join(", ", header) + ")");
            }
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r).fields();
            rows.add(new Row(records.get(r).line(), field(f, index[0]), field(f, index[1]), field(f, index[2]),
                    field(f, index[3])));
        }
        return rows;
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).trim() : "";
    }
}
