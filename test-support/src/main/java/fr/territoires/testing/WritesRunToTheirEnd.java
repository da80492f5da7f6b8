package fr.territoires.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * docs/decisions.md (HTTP): a write that reached a service runs to its commit or its refusal, whatever its caller
 * does. Quarkus REST cancels a request's pipeline when its connection closes unless the resource says otherwise, and
 * it reads that only from an annotation on the method or its class: every resource class of a service that declares
 * a write (POST, PUT, PATCH, DELETE) carries {@code @Cancellable(false)}, so that a new one cannot forget it.
 */
public final class WritesRunToTheirEnd {

    private static final List<String> WRITES = List.of("jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH",
            "jakarta.ws.rs.DELETE");
    private static final String CANCELLABLE = "org.jboss.resteasy.reactive.server.Cancellable";

    private WritesRunToTheirEnd() {
    }

    /** Fails naming each class under {@code basePackage} that declares a write and may be cancelled. */
    public static void assertAll(String basePackage) {
        classes().that(declareAWrite()).should(notBeCancellable()).check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage));
    }

    private static DescribedPredicate<JavaClass> declareAWrite() {
        return DescribedPredicate.describe("declare a write (POST, PUT, PATCH, DELETE)", c -> c.getMethods().stream()
                .anyMatch(m -> WRITES.stream().anyMatch(m::isAnnotatedWith)));
    }

    private static ArchCondition<JavaClass> notBeCancellable() {
        return new ArchCondition<>("be annotated @Cancellable(false)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean runsToItsEnd = c.tryGetAnnotationOfType(CANCELLABLE)
                        .flatMap(a -> a.get("value")).map(Boolean.FALSE::equals).orElse(false);
                events.add(new SimpleConditionEvent(c, runsToItsEnd, c.getName()
                        + (runsToItsEnd ? " runs its writes to their end" : " declares writes without @Cancellable(false)")));
            }
        };
    }
}
