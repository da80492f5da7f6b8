package fr.territoires.commons.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The platform's one business clock (DESIGN.md §5): "today", the month and the fiscal year are
 * French dates — Europe/Paris — whatever the server's zone (UTC in containers). An approval at
 * 00:30 on 1 January in Paris is dated 1 January and counts in the new fiscal year.
 *
 * <p>Every business date of every service comes from here, never from the JVM's default clock and zone.
 * Tests replace it (e.g. {@code QuarkusMock.installMockForType(BusinessDates.at(instant), BusinessDates.class)})
 * to run at any moment of the year.
 */
@ApplicationScoped
public class BusinessDates {

    /** The zone of the programme's business dates. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock;

    @Inject
    public BusinessDates() {
        this(Clock.system(PARIS));
    }

    public BusinessDates(Clock clock) {
        this.clock = clock.withZone(PARIS);
    }

    /** A business clock stopped at that instant (tests, replays). */
    public static BusinessDates at(Instant instant) {
        return new BusinessDates(Clock.fixed(instant, PARIS));
    }

    /** The clock itself, in Europe/Paris. */
    public Clock clock() {
        return clock;
    }

    /** Today in Paris. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The Paris date of an instant; today when there is none. */
    public LocalDate dateOf(Instant instant) {
        return instant == null ? today() : LocalDate.ofInstant(instant, PARIS);
    }

    /** Now, with Paris's offset (for timestamps that go with a business date). */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public Instant instant() {
        return clock.instant();
    }

    /** This month in Paris. */
    public YearMonth month() {
        return YearMonth.now(clock);
    }

    /** The fiscal year of a date: the French State's budget year is the calendar year (LOLF). */
    public static int fiscalYear(LocalDate date) {
        return date.getYear();
    }

    /** The current fiscal year, in Paris. */
    public int fiscalYear() {
        return fiscalYear(today());
    }
}
