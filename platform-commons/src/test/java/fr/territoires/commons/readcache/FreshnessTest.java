package fr.territoires.commons.readcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    private final EntityTag tag = Freshness.tag(42, LocalDate.of(2026, 12, 31));

    @Test
    void theTagIsWeakAndNamesTheRevisionAndTheDay() {
        assertTrue(tag.isWeak());
        assertEquals("r42-2026-12-31", tag.getValue());
        assertEquals("r42", Freshness.tag(42).getValue());
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(Freshness.matches("W/\"r42-2026-12-31\"", tag));
        assertTrue(Freshness.matches("\"r42-2026-12-31\"", tag));
        assertTrue(Freshness.matches("\"x\", W/\"r42-2026-12-31\"", tag));
        assertTrue(Freshness.matches("*", tag));
    }

    @Test
    void anotherRevisionOrDayIsNotAMatch() {
        assertFalse(Freshness.matches("W/\"r41-2026-12-31\"", tag));
        assertFalse(Freshness.matches("W/\"r42-2027-01-01\"", tag));
        assertFalse(Freshness.matches("W/\"r42\"", tag));
        assertFalse(Freshness.matches("r42-2026-12-31", tag), "an unquoted tag is not a tag");
        assertFalse(Freshness.matches(null, tag));
        assertFalse(Freshness.matches("", tag));
        assertFalse(Freshness.matches("\"r42-2026-12-31\"".repeat(100), tag), "bounded");
    }
}
