package fr.territoires.recruitment.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.access.CallerScope;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final AccessRules.Holder POMPEY = new AccessRules.Holder("552081317", "ti-4420", "44");

    private static CallerScope caller(String role, String region, List<String> territories, String siren) {
        return new CallerScope("someone", Set.of(role), region, territories, siren);
    }

    @Test
    void aCompanyManagesOnlyItsOwnSiren() {
        assertTrue(AccessRules.mayManage(caller("company", null, List.of(), "552081317"), POMPEY));
        assertTrue(AccessRules.mayRead(caller("company", null, List.of(), "552081317"), POMPEY));
        assertFalse(AccessRules.mayManage(caller("company", null, List.of(), "732829320"), POMPEY));
        assertFalse(AccessRules.mayRead(caller("company", null, List.of(), "732829320"), POMPEY));
        assertFalse(AccessRules.mayManage(caller("company", null, List.of(), null), POMPEY));
    }

    @Test
    void aTerritoryManagerManagesItsTerritoriesOnly() {
        assertTrue(AccessRules.mayManage(caller("territory-manager", null, List.of("ti-4408", "ti-4420"), null), POMPEY));
        assertFalse(AccessRules.mayManage(caller("territory-manager", null, List.of("ti-4408"), null), POMPEY));
        assertFalse(AccessRules.mayRead(caller("territory-manager", null, List.of("ti-4408"), null), POMPEY));
    }

    @Test
    void aRegionOfficerReadsItsRegionAndChangesNothing() {
        assertTrue(AccessRules.mayRead(caller("region-officer", "44", List.of(), null), POMPEY));
        assertFalse(AccessRules.mayManage(caller("region-officer", "44", List.of(), null), POMPEY));
        assertFalse(AccessRules.mayRead(caller("region-officer", "28", List.of(), null), POMPEY));
    }

    @Test
    void partnersReadAndTheProgrammeTeamDoesEverything() {
        assertTrue(AccessRules.mayRead(caller("partner", null, List.of(), null), POMPEY));
        assertFalse(AccessRules.mayManage(caller("partner", null, List.of(), null), POMPEY));
        assertTrue(AccessRules.mayManage(caller("programme-admin", null, List.of(), null), POMPEY));
        // The scope claims of a role the caller does not have give nothing.
        assertFalse(AccessRules.mayManage(caller("partner", "44", List.of("ti-4420"), "552081317"), POMPEY));
    }

    @Test
    void listsShowTheUnionOfTheCallersScopes() {
        assertTrue(AccessRules.visibility(caller("partner", null, List.of(), null)).all());
        CallerScope both = new CallerScope("x", Set.of("region-officer", "company"), "44", List.of("ti-9"), "552081317");
        Visibility v = AccessRules.visibility(both);
        assertEquals(Set.of("44"), v.regions());
        assertEquals(Set.of(), v.territories());
        assertEquals(Set.of("552081317"), v.sirens());
        Parameters params = new Parameters();
        assertEquals("(region in :visibleRegions or siren in :visibleSirens)", v.condition(params));
        assertEquals(2, params.map().size());
        Visibility nothing = AccessRules.visibility(caller("company", null, List.of(), null));
        assertTrue(nothing.none());
        assertEquals("1 = 0", nothing.condition(new Parameters()));
    }
}
