package fr.territoires.registry.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.access.CallerScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final List<String> GRAND_EST = List.of("44");
    private static final CallerScope ADMIN = caller("programme-admin", null, List.of());
    private static final CallerScope OFFICER_44 = caller("region-officer", "44", List.of());
    private static final CallerScope OFFICER_84 = caller("region-officer", "84", List.of());
    private static final CallerScope MANAGER_A = caller("territory-manager", null, List.of("ti-a"));
    private static final CallerScope PARTNER = caller("partner", null, List.of());

    private static CallerScope caller(String role, String region, List<String> territories) {
        return new CallerScope("someone", Set.of(role), region, territories, null);
    }

    @Test
    void theProgrammeTeamAndTheRegionsOfficerManageATerritory() {
        assertTrue(AccessRules.mayManage(ADMIN, GRAND_EST));
        assertTrue(AccessRules.mayManage(OFFICER_44, GRAND_EST));
        assertTrue(AccessRules.mayManage(OFFICER_44, List.of("27", "44")), "a territory straddling two regions");
        assertFalse(AccessRules.mayManage(OFFICER_84, GRAND_EST));
        assertFalse(AccessRules.mayManage(OFFICER_44, List.of()), "no perimeter yet: no region, the programme team only");
        assertFalse(AccessRules.mayManage(MANAGER_A, GRAND_EST), "a manager never decides status or perimeter");
        assertFalse(AccessRules.mayManage(PARTNER, GRAND_EST));
    }

    @Test
    void aManagerEditsTheContentOfItsOwnTerritoriesOnly() {
        assertTrue(AccessRules.mayEditContent(MANAGER_A, "ti-a", GRAND_EST));
        assertFalse(AccessRules.mayEditContent(MANAGER_A, "ti-b", GRAND_EST));
        assertTrue(AccessRules.mayEditContent(OFFICER_44, "ti-b", GRAND_EST));
        assertFalse(AccessRules.mayEditContent(OFFICER_84, "ti-b", GRAND_EST));
        assertTrue(AccessRules.mayEditContent(ADMIN, "ti-b", List.of()));
        assertFalse(AccessRules.mayEditContent(PARTNER, "ti-a", GRAND_EST));
        assertFalse(AccessRules.mayEditContent(caller("company", null, List.of("ti-a")), "ti-a", GRAND_EST),
                "a territories claim without the manager role gives nothing");
    }

    @Test
    void anOfficerAddsOnlyEpcisWithCommunesInItsRegion() {
        assertTrue(AccessRules.mayAddEpci(OFFICER_44, List.of("44")));
        assertTrue(AccessRules.mayAddEpci(OFFICER_44, List.of("44", "27")));
        assertFalse(AccessRules.mayAddEpci(OFFICER_44, List.of("84")));
        assertTrue(AccessRules.mayAddEpci(ADMIN, List.of("84")));
    }
}
