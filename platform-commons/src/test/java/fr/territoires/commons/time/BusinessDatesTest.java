package fr.territoires.commons.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Business dates are Paris dates, whatever the JVM's zone. */
class BusinessDatesTest {

    @Test
    void newYearsEveAt2330UtcIsAlreadyTheFirstOfJanuaryInParis() {
        BusinessDates dates = BusinessDates.at(Instant.parse("2026-12-31T23:30:00Z"));
        assertEquals(LocalDate.of(2027, 1, 1), dates.today());
        assertEquals(2027, dates.fiscalYear());
        assertEquals(YearMonth.of(2027, 1), dates.month());
        assertEquals("2027-01-01T00:30+01:00", dates.now().toString());
    }

    @Test
    void inSummerParisIsTwoHoursAhead() {
        BusinessDates dates = BusinessDates.at(Instant.parse("2027-06-30T22:15:00Z"));
        assertEquals(LocalDate.of(2027, 7, 1), dates.today());
        assertEquals(LocalDate.of(2027, 6, 30), dates.dateOf(Instant.parse("2027-06-30T21:59:59Z")));
        assertEquals(LocalDate.of(2027, 7, 1), dates.dateOf(null));
    }
}
