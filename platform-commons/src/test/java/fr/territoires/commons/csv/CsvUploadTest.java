package fr.territoires.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvUploadTest {

    private static List<List<String>> records(String text) {
        return CsvUpload.read(text.getBytes(StandardCharsets.UTF_8), 100).stream().map(CsvUpload.Record::fields).toList();
    }

    @Test
    void recordsFollowRfc4180WithTheHeadersSeparator() {
        assertEquals(List.of(List.of("insee_com", "lib_com"), List.of("54431", "Pont-à-Mousson; centre"),
                        List.of("54430", "Pompey \"le haut\"")),
                records("insee_com;lib_com\r\n54431;\"Pont-à-Mousson; centre\"\n54430;\"Pompey \"\"le haut\"\"\""));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), records("a,b\n1,2\n"));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2,5")), records("\uFEFFa;b\n1;2,5\n"), "a BOM is skipped");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFile() {
        byte[] latin1 = "a;b\n1;Pont-à-Mousson\n".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException e = assertThrows(ProblemException.class, () -> CsvUpload.read(latin1, 100));
        assertEquals("file", e.problem().errors().get(0).field());
        assertEquals(true, e.problem().errors().get(0).message().startsWith("is not UTF-8"));
        assertEquals(List.of("1", "Pont-à-Mousson"), records("a;b\n1;Pont-à-Mousson\n").get(1));
    }

    private static String refusal(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> CsvUpload.read(text, 100));
        assertEquals("file", e.problem().errors().get(0).field());
        return e.problem().errors().get(0).message();
    }

    /** Issue 14: an unterminated quote made the rest of the file one cell. */
    @Test
    void anUnterminatedQuoteIsRefusedWithTheLineItOpensOn() {
        assertEquals(true, refusal("a;b\n1;2\n3;\"open\n4;5\n6;7\n").startsWith("line 3: a quoted field is not closed"));
    }

    /** Issue 14: "x"y was accepted. */
    @Test
    void aCharacterAfterAClosingQuoteIsRefused() {
        assertEquals(true, refusal("a;b\n\"x\"y;2\n").startsWith("line 2: a character follows the closing quote"));
    }

    /** Issue 14: line numbers went wrong after a quoted line break. */
    @Test
    void linesAreCountedAsInTheFileAcrossQuotedLineBreaks() {
        List<CsvUpload.Record> records = CsvUpload.read("a;b\n\"two\nlines\";x\n\n3;y\r\n", 100);
        assertEquals(List.of(1, 2, 5), records.stream().map(CsvUpload.Record::line).toList());
        assertEquals(List.of("two\nlines", "x"), records.get(1).fields());
        assertEquals(true, refusal("a;b\n\"two\nlines\";x\n\"bad\"z;1\n").startsWith("line 4:"));
    }

    /** Issue 14: megabytes of blank lines answered 500; blank lines are skipped as read, records capped. */
    @Test
    void blankLinesAreSkippedAndRecordsCappedWhileReading() {
        String blanks = "a;b\n" + "\n".repeat(3_000_000) + "1;2\n";
        List<CsvUpload.Record> records = CsvUpload.read(blanks, 10);
        assertEquals(2, records.size());
        assertEquals(3_000_002, records.get(1).line());
        assertEquals(true, refusal("a;b\n" + "1;2\n".repeat(200)).startsWith("has more than 100 records"));
    }
}
