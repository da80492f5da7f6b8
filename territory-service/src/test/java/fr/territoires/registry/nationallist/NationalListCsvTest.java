package fr.territoires.registry.nationallist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NationalListCsvTest {

    private static List<NationalListCsv.Row> parse(String text) {
        return NationalListCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void semicolonsWithABom() {
        List<NationalListCsv.Row> rows = parse("\uFEFFinsee_com;lib_com;id_ti;lib_ti\n54431;Pont-à-Mousson;ti-4420;Val de Lorraine\n");
        assertEquals(List.of(new NationalListCsv.Row(2, "54431", "Pont-à-Mousson", "ti-4420", "Val de Lorraine")), rows);
    }

    @Test
    void commasQuotesCrlfAndColumnsInAnyOrder() {
        List<NationalListCsv.Row> rows = parse("id_ti,lib_ti,insee_com,lib_com\r\n"
                + "ti-8413,\"Plastics Vallée, Oyonnax\",01283,Oyonnax\r\n"
                + "\r\n"
                + "ti-8413,\"Plastics Vallée, Oyonnax\",01033,\"Bellignat \"\"centre\"\"\"\r\n");
        assertEquals(2, rows.size());
        assertEquals(new NationalListCsv.Row(2, "01283", "Oyonnax", "ti-8413", "Plastics Vallée, Oyonnax"), rows.get(0));
        assertEquals("Bellignat \"centre\"", rows.get(1).libCom());
        assertEquals(4, rows.get(1).line());
    }

    @Test
    void aMissingColumnIsNamed() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse("insee_com;lib_com;id_ti\n54431;X;ti-1\n"));
        assertEquals("file", e.problem().errors().get(0).field());
        assertEquals(true, e.problem().errors().get(0).message().startsWith("the header has no column lib_ti"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 = "insee_com;lib_com;id_ti;lib_ti\n54431;Pont-à-Mousson;ti-4420;Val\n".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException e = assertThrows(ProblemException.class, () -> NationalListCsv.parse(latin1));
        assertEquals("is not UTF-8 (re-save it as UTF-8, with or without BOM)", e.problem().errors().get(0).message());
    }
}
