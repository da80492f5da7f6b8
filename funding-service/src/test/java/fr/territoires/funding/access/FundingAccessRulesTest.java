package fr.territoires.funding.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.access.CallerScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FundingAccessRulesTest {

    private static CallerScope caller(String role, String region, String... territories) {
        return new CallerScope("someone", Set.of(role), region, List.of(territories), null);
    }

    @Test
    void theTerritorysRegionDecidesAndItsManagerApplies() {
        List<String> grandEst = List.of("44");
        assertTrue(FundingAccessRules.mayDecide(caller("region-officer", "44"), grandEst));
        assertFalse(FundingAccessRules.mayDecide(caller("region-officer", "84"), grandEst));
        assertFalse(FundingAccessRules.mayDecide(caller("territory-manager", null, "ti-a"), grandEst));
        assertTrue(FundingAccessRules.mayApply(caller("territory-manager", null, "ti-a"), "ti-a", grandEst));
        assertFalse(FundingAccessRules.mayApply(caller("territory-manager", null, "ti-a"), "ti-b", grandEst));
        assertFalse(FundingAccessRules.mayApply(caller("partner", null), "ti-a", grandEst));
        assertTrue(FundingAccessRules.mayRead(caller("partner", null), "ti-a", grandEst));
        assertFalse(FundingAccessRules.mayRead(caller("company", null), "ti-a", grandEst));
    }
}
