package fr.territoires.commons.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.territoires.commons.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 14: dates beyond PostgreSQL's range reached the database. */
class DateWindowTest {

    record Body(LocalDate effectiveOn) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new SaneDatesCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void aBodyDateOutsideTheWindowIsAWrongFormatNamingItsField() throws Exception {
        for (String date : new String[] {"2999-01-01", "1899-12-31", "+10000-01-01", "-0001-01-01"}) {
            InvalidFormatException e = assertThrows(InvalidFormatException.class,
                    () -> mapper().readValue("{\"effectiveOn\":\"" + date + "\"}", Body.class), date);
            assertEquals("effectiveOn", e.getPath().get(0).getFieldName());
        }
        assertEquals(LocalDate.of(2199, 12, 31), mapper().readValue("{\"effectiveOn\":\"2199-12-31\"}", Body.class)
                .effectiveOn());
        assertEquals(null, mapper().readValue("{\"effectiveOn\":null}", Body.class).effectiveOn());
    }

    @Test
    void aQueryDateOutsideTheWindowIsA400NamingTheParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> DateParam.parseOrToday("asOf", "9999-12-31", LocalDate.of(2026, 6, 1)));
        assertEquals("asOf", e.problem().errors().get(0).field());
        assertEquals(LocalDate.of(2024, 1, 1), DateParam.parseOrToday("asOf", "2024-01-01", LocalDate.of(2026, 6, 1)));
    }
}
