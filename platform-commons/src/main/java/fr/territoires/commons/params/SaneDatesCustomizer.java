package fr.territoires.commons.params;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Every LocalDate read from a JSON body falls in {@link DateWindow}; otherwise the body is refused
 * as a wrong format (400 naming the field, like any unreadable value), before anything is stored.
 */
@Singleton
public class SaneDatesCustomizer implements ObjectMapperCustomizer {

    /** Last, so that it replaces the JavaTimeModule's LocalDate deserializer. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("sane-dates").addDeserializer(LocalDate.class, new SaneLocalDates()));
    }

    static final class SaneLocalDates extends StdDeserializer<LocalDate> {

        SaneLocalDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (date != null && !DateWindow.contains(date)) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, p.getText(), DateWindow.rule());
            }
            return date;
        }
    }
}
