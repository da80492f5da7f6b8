package fr.territoires.commons.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.territoires.commons.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's one reader of the CSV files users upload (the national list, bulk declarations), on
 * jackson-dataformat-csv: strict UTF-8 (a BOM is allowed), RFC 4180 records with the separator users'
 * spreadsheets pick (';' when the header line has one, as in France, else ','), read as a
 * stream — decoded, split and counted record by record, never split whole into memory. Blank lines
 * are skipped as they are read; beyond {@code maxRecords} records, reading stops with a 400. A quoted
 * field must be closed, and its closing quote followed by a separator or a line end; every refusal is
 * a 400 naming {@code file} and the line of the file (counted as in the file, across quoted line breaks).
 */
public final class CsvUpload {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvUpload() {
    }

    /** One record and the line of the file it starts on (1 for the header). */
    public record Record(int line, List<String> fields) {

        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The records of an uploaded file; see the class comment. */
    public static List<Record> read(byte[] file, int maxRecords) {
        int start = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF
                ? 3 : 0;
        boolean semicolon = false;
        boolean comma = false;
        for (int i = start; i < file.length && file[i] != '\n'; i++) {
            semicolon |= file[i] == ';';
            comma |= file[i] == ',';
        }
        char separator = semicolon || !comma ? ';' : ',';
        Reader utf8 = new InputStreamReader(new ByteArrayInputStream(file, start, file.length - start),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return read(utf8, separator, maxRecords);
    }

    /** The records of a text already decoded; see the class comment. */
    public static List<Record> read(String text, int maxRecords) {
        return read(text.getBytes(StandardCharsets.UTF_8), maxRecords);
    }

    private static List<Record> read(Reader text, char separator, int maxRecords) {
        ObjectReader reader = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema().withColumnSeparator(separator));
        List<Record> records = new ArrayList<>();
        int line = 1;
        try (MappingIterator<List<String>> rows = reader.readValues(text)) {
            while (true) {
                List<String> fields;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    fields = rows.nextValue();
                } catch (JsonProcessingException e) {
                    throw malformed(e, line);
                }
                Record record = new Record(line, List.copyOf(fields));
                line = rows.getParser().currentLocation().getLineNr();
                if (fields.isEmpty() || record.isBlank()) {
                    continue;
                }
                if (records.size() >= maxRecords) {
                    throw ProblemException.invalid("file", "has more than " + maxRecords + " records (line "
                            + record.line() + "); split it");
                }
                records.add(record);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            if (causedByCoding(e)) {
                throw notUtf8();
            }
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static ProblemException malformed(JsonProcessingException e, int recordLine) {
        if (causedByCoding(e)) {
            return notUtf8();
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int at = e.getLocation() == null ? recordLine : e.getLocation().getLineNr();
        if (message.startsWith("Missing closing quote")) {
            return ProblemException.invalid("file", "line " + recordLine
                    + ": a quoted field is not closed (its opening quote has no closing quote)");
        }
        if (message.contains("Expected column separator")) {
            return ProblemException.invalid("file", "line " + at + ": a character follows the closing quote of a field"
                    + " (a quote inside a quoted field is written twice: \"\")");
        }
        return ProblemException.invalid("file", "line " + at + ": is not valid CSV (" + message + ")");
    }

    private static boolean causedByCoding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException notUtf8() {
        return ProblemException.invalid("file", "is not UTF-8 (re-save it as UTF-8, with or without BOM)");
    }
}
