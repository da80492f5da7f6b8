package fr.territoires.funding.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * RFC 4180 CSV as the reports give it: comma separator, CRLF line ends, UTF-8 without a byte-order
 * mark, a field quoted only when it holds a comma, a quote or a line break (quotes doubled).
 * Amounts are written with a dot and two decimals, whatever the locale.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String EOL = "\r\n";

    private final StringBuilder out = new StringBuilder();
    private final boolean neutraliseFormulas;

    private Csv(boolean neutraliseFormulas) {
        this.neutraliseFormulas = neutraliseFormulas;
    }

    /**
     * A report for people who open it in a spreadsheet: a text cell that a spreadsheet would run as
     * a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe (OWASP "CSV injection").
     */
    public static Csv forSpreadsheets(List<String> header) {
        return new Csv(true).row(header);
    }

    /** An open-data file read by programs and validators: every value exactly as stored. */
    public static Csv verbatim(List<String> header) {
        return new Csv(false).row(header);
    }

    /** Values: null is an empty cell, BigDecimal an amount (dot, two decimals), other numbers as they print. */
    public Csv row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
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
        String text = value.toString();
        if (neutraliseFormulas && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return quote(text);
    }

    /** Two decimals with a dot, never an exponent: 1E+3 is written 1000.00. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
