package fr.territoires.commons.csv;

import fr.territoires.commons.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a CSV file users upload (the national list, bulk declarations): strict UTF-8, and RFC 4180
 * records with the separator users' spreadsheets pick (';' in France, ',' elsewhere).
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    /** The file as text; a 400 naming {@code file} when it is not UTF-8. */
    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "is not UTF-8 (re-save it as UTF-8, with or without BOM)");
        }
    }

    /** One record and the line of the file it starts on (1 for the header). */
    public record Record(int line, List<String> fields) {

        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** RFC 4180 records (blank lines included as records of one empty field); see {@link #read}. */
    public static List<List<String>> records(String text) {
        return read(text, Integer.MAX_VALUE, true).stream().map(Record::fields).toList();
    }

    /**
     * RFC 4180 records, strictly: the separator is the first ';' or ',' of the header line; a
     * quoted field must be closed, and a closing quote followed by a separator or a line end (a 400
     * naming {@code file} and the line otherwise). Lines are counted as in the file (a quoted line
     * break moves to the next line). Blank lines are skipped as they are read; beyond
     * {@code maxRecords} non-blank records, reading stops with a 400 — a file of millions of lines
     * is never split whole into memory.
     */
    public static List<Record> read(String text, int maxRecords) {
        return read(text, maxRecords, false);
    }

    private static List<Record> read(String text, int maxRecords, boolean keepBlank) {
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String firstLine = text.substring(0, firstLineEnd);
        char separator = firstLine.indexOf(';') >= 0 ? ';' : ',';
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
                    if (next != separator && next != '\n' && next != '\r') {
                        throw malformed(line, "a character follows the closing quote of a field (a quote inside a quoted "
                                + "field is written twice: \"\")");
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                add(records, new Record(recordLine, fields), maxRecords, keepBlank);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw malformed(quoteLine, "a quoted field is not closed (its opening quote has no closing quote)");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            add(records, new Record(recordLine, fields), maxRecords, keepBlank);
        }
        return records;
    }

    private static void add(List<Record> records, Record record, int maxRecords, boolean keepBlank) {
        if (!keepBlank && record.isBlank()) {
            return;
        }
        if (records.size() >= maxRecords) {
            throw ProblemException.invalid("file", "has more than " + maxRecords + " records (line " + record.line()
                    + "); split it");
        }
        records.add(record);
    }

    private static ProblemException malformed(int line, String what) {
        return ProblemException.invalid("file", "line " + line + ": " + what);
    }
}
