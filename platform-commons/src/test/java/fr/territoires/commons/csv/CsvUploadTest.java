package fr.territoires.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvUploadTest {

    @Test
    void recordsFollowRfc4180WithTheHeadersSeparator() {
        assertEquals(List.of(List.of("insee_com", "lib_com"), List.of("54431", "Pont-à-Mousson; centre"),
                        List.of("54430", "Pompey \"le haut\"")),
                CsvUpload.records("insee_com;lib_com\r\n54431;\"Pont-à-Mousson; centre\"\n54430;\"Pompey \"\"le haut\"\"\""));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), CsvUpload.records("a,b\n1,2\n"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFile() {
        byte[] latin1 = "Pont-à-Mousson".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("file", assertThrows(ProblemException.class, () -> CsvUpload.decodeUtf8(latin1)).problem().errors()
                .get(0).field());
        assertEquals("Pont-à-Mousson", CsvUpload.decodeUtf8("Pont-à-Mousson".getBytes(StandardCharsets.UTF_8)));
    }
}
