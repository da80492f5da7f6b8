package fr.territoires.funding;

import fr.territoires.testing.PackageCycles;
import fr.territoires.testing.WritesRunToTheirEnd;
import org.junit.jupiter.api.Test;

/** The funding's capability packages depend one way (docs/decisions.md, issue 15). */
class PackageCyclesTest {

    @Test
    void capabilityPackagesAreFreeOfCycles() {
        PackageCycles.assertNone("fr.territoires.funding");
    }

    @Test
    void resourcesWithWritesRunThemToTheirEnd() {
        WritesRunToTheirEnd.assertAll("fr.territoires.funding");
    }
}
