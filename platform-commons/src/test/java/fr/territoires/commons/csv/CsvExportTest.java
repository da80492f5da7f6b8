package fr.territoires.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        String text = CsvExport.of(',', List.of("a", "b")).row(Arrays.asList("Saint-Dié, Vosges", "dit \"le Pôle\""))
                .row(Arrays.asList("ligne\nsuivante", null)).row(List.of("plain", "")).text();
        assertEquals("a,b\r\n\"Saint-Dié, Vosges\",\"dit \"\"le Pôle\"\"\"\r\n\"ligne\nsuivante\",\r\nplain,\r\n", text);
        assertEquals("a;b\r\n\"x;y\";Saint-Dié, Vosges\r\n",
                CsvExport.of(';', List.of("a", "b")).row(List.of("x;y", "Saint-Dié, Vosges")).text());
    }

    @Test
    void amountsHaveADotAndTwoDecimalsWhateverTheirScale() {
        assertEquals("1000.00", CsvExport.money(new BigDecimal("1E+3")));
        assertEquals("0.10", CsvExport.money(new BigDecimal("0.1")));
        assertEquals("85000.00", CsvExport.money(new BigDecimal("85000.00")));
        assertEquals("x,12.50,3,\r\n", CsvExport.of(',', List.of()).row(Arrays.asList("x", new BigDecimal("12.5"), 3, null))
                .text().substring(2));
    }

    /** Issue 14: SCDL, indicators and the national export let =, +, -, @ through to spreadsheets. */
    @Test
    void noExportLetsACellRunAsAFormula() {
        for (char separator : new char[] {',', ';'}) {
            String s = String.valueOf(separator);
            String text = CsvExport.of(separator, List.of("name")).row(List.of("=HYPERLINK(\"http://x\")")).row(List.of("+33"))
                    .row(List.of("@SUM(A1)")).row(List.of("-2+3")).row(List.of("\tx")).row(List.of("Fonds – industrie"))
                    .row(List.of(new BigDecimal("-5.00"))).row(List.of(-3)).text();
            assertEquals("name\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+33\r\n'@SUM(A1)\r\n'-2+3\r\n'\tx\r\n"
                    + "Fonds – industrie\r\n-5.00\r\n-3\r\n", text, s);
        }
    }
}
