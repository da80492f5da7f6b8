package fr.territoires.recruitment;

import fr.territoires.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** The recruitment service's capability packages depend one way (docs/decisions.md, issue 15). */
class PackageCyclesTest {

    @Test
    void capabilityPackagesAreFreeOfCycles() {
        PackageCycles.assertNone("fr.territoires.recruitment");
    }
}
