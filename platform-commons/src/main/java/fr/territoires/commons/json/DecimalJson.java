package fr.territoires.commons.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decimal numbers of the platform's JSON, one mechanism for every service and the gateway: decimals
 * read from JSON stay {@link BigDecimal} (never {@code double}) with their trailing zeros, so a
 * document passed through (the gateway's dashboard) keeps its cents, and none is written in exponent
 * notation. A service whose decimals are all amounts of euros (funding: {@code platform.json.money=true})
 * also writes each with at least two decimals ({@code 2400000.00}, never {@code 2400000} or
 * {@code 2400000.0}, even before a value has been through the database); a value with more keeps them.
 */
@Singleton
public class DecimalJson implements ObjectMapperCustomizer {

    private final boolean money;

    public DecimalJson(JsonConfig config) {
        this.money = config.money();
    }

    DecimalJson(boolean money) {
        this.money = money;
    }

    /** How a service writes its decimals. */
    @ConfigMapping(prefix = "platform.json")
    public interface JsonConfig {
        /** Every decimal of this service's API is an amount of euros: write each with two decimals. */
        @WithDefault("false")
        boolean money();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        if (money) {
            mapper.registerModule(new SimpleModule("territoires-money").addSerializer(BigDecimal.class, new TwoDecimals()));
        }
    }

    /** The serializer, also for a mapper built outside CDI. */
    public static final class TwoDecimals extends JsonSerializer<BigDecimal> {

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(twoDecimals(value).toPlainString());
        }

        @Override
        public Class<BigDecimal> handledType() {
            return BigDecimal.class;
        }
    }

    /** {@code 2400000} and {@code 2400000.0} become {@code 2400000.00}; {@code 0.125} stays. */
    public static BigDecimal twoDecimals(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2) : value;
    }
}
