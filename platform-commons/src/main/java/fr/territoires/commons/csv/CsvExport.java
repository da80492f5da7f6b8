package fr.territoires.commons.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The platform's one CSV writer (every export: funding reports and SCDL, recruitment indicators,
 * the national list): RFC 4180, CRLF line ends, UTF-8 without a byte-order mark, a field quoted
 * only when it holds the separator, a quote or a line break (quotes doubled). The separator is the
 * format's: ';' for the files French spreadsheets and the national list use, ',' for the reports
 * and open data. A text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or CR) gets a leading apostrophe in every export (OWASP "CSV injection"); numbers are written as
 * numbers, amounts with a dot and two decimals.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String EOL = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder out = new StringBuilder();
    private final char separator;

    private CsvExport(char separator) {
        this.separator = separator;
    }

    /** A file with this separator and header. */
    public static CsvExport of(char separator, List<String> header) {
        return new CsvExport(separator).row(header);
    }

    /** Values: null is an empty cell, BigDecimal an amount (dot, two decimals), other numbers as they print. */
    public CsvExport row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(cell(values.get(i)));
        }
        out.append(EOL);
        return this;
    }

    public String text() {
        return out.toString();
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return money(amount);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(neutralise(value.toString()));
    }

    /** A text a spreadsheet would run as a formula, with a leading apostrophe; other texts unchanged. */
    public static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Two decimals with a dot, never an exponent: 1E+3 is written 1000.00. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private String quote(String text) {
        if (text.indexOf(separator) < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
