package fr.territoires.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * DESIGN §7: a service's capability packages depend one way. Each direct sub-package of the
 * service's base package is a slice (with everything below it); no slice may reach itself again
 * through the others. Main classes only: tests may look across capabilities.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails with ArchUnit's report of every cycle between the capability packages under {@code basePackage}. */
    public static void assertNone(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
