package fr.territoires.recruitment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's calendar: deadlines, expiry and monthly indicators are French dates, whatever the server's zone. */
@ApplicationScoped
public class Today {

    private final ZoneId zone;

    public Today(@ConfigProperty(name = "recruitment.zone", defaultValue = "Europe/Paris") ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate date() {
        return LocalDate.now(zone);
    }

    public LocalDate dateOf(Instant instant) {
        return instant == null ? date() : LocalDate.ofInstant(instant, zone);
    }
}
