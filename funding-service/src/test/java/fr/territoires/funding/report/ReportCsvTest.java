package fr.territoires.funding.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        String text = Csv.verbatim(List.of("a", "b")).row(Arrays.asList("Saint-Dié, Vosges", "dit \"le Pôle\""))
                .row(Arrays.asList("ligne\nsuivante", null)).row(List.of("plain", "")).text();
        assertEquals("a,b\r\n\"Saint-Dié, Vosges\",\"dit \"\"le Pôle\"\"\"\r\n\"ligne\nsuivante\",\r\nplain,\r\n", text);
    }

    @Test
    void amountsHaveADotAndTwoDecimalsWhateverTheirScale() {
        assertEquals("1000.00", Csv.money(new BigDecimal("1E+3")));
        assertEquals("0.10", Csv.money(new BigDecimal("0.1")));
        assertEquals("85000.00", Csv.money(new BigDecimal("85000.00")));
        assertEquals("x,12.50,3,\r\n", Csv.verbatim(List.of()).row(Arrays.asList("x", new BigDecimal("12.5"), 3, null))
                .text().substring(2));
    }

    @Test
    void aSpreadsheetReportDoesNotLetACellRunAsAFormula() {
        String text = Csv.forSpreadsheets(List.of("name")).row(List.of("=HYPERLINK(\"http://x\")")).row(List.of("+33"))
                .row(List.of("@SUM(A1)")).row(List.of("Fonds – industrie")).row(List.of(new BigDecimal("-5.00"))).text();
        assertEquals("name\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+33\r\n'@SUM(A1)\r\nFonds – industrie\r\n-5.00\r\n", text);
        // The open-data file keeps every value exactly as stored.
        assertEquals("h\r\n+33\r\n", Csv.verbatim(List.of("h")).row(List.of("+33")).text());
    }
}
