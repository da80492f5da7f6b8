package fr.territoires.registry.nationallist;

import fr.territoires.commons.problem.ProblemException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
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

    /** One data row; {@code line} is its line number in the file (the header is line 1). */
    public record Row(int line, String inseeCom, String libCom, String idTi, String libTi) {
    }

    private NationalListCsv() {
    }

    public static List<Row> parse(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw ProblemException.invalid("file", "is empty; expected a header " + String.join(";", COLUMNS));
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
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
            List<String> f = records.get(r);
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue; // blank line
            }
            rows.add(new Row(r + 1, field(f, index[0]), field(f, index[1]), field(f, index[2]), field(f, index[3])));
        }
        return rows;
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).trim() : "";
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "is not UTF-8 (re-save it as UTF-8, with or without BOM)");
        }
    }

    /** RFC 4180 records; the separator is the first ';' or ',' of the header line. */
    static List<List<String>> records(String text) {
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String firstLine = text.substring(0, firstLineEnd);
        char separator = firstLine.indexOf(';') >= 0 ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
