package fr.territoires.commons.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.inject.Inject;
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
 * <p>
 * One constructor, marked {@code @Inject}: a CDI class with two constructors and neither a no-argument
 * nor an {@code @Inject} one is not a bean at all, and Quarkus then skips it without a word. That is how
 * this customizer once never ran (issue 18: {@code 2400.5} came back as {@code 2400.5}). Its configuration
 * is static-init safe for the same reason it must be a bean: the ObjectMapper is built during start-up;
 * {@code DecimalJsonTest} and the funding service's {@code MoneyOnTheWireTest} keep it from happening again.
 */
@Singleton
public class DecimalJson implements ObjectMapperCustomizer {

    private final boolean money;

    @Inject
    public DecimalJson(JsonConfig config) {
        this.money = config.money();
    }

    /**
     * How a service writes its decimals. Static-init safe: Hibernate ORM builds the application's
     * ObjectMapper while Quarkus starts (static init), before the runtime configuration exists, so the
     * setting comes from {@code application.properties} as built, not from an environment variable.
     */
    @StaticInitSafe
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
            // The BigDecimal itself, not its text: a TokenBuffer (valueToTree, as the outbox does for
            // events) keeps its scale, and the generator writes it plain (WRITE_BIGDECIMAL_AS_PLAIN).
            gen.writeNumber(twoDecimals(value));
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
