package fr.territoires.registry.nationallist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.registry.reference.ReferenceData;
import java.util.List;
import org.junit.jupiter.api.Test;

class NationalListPlanTest {

    private static final ReferenceData REFERENCE = new ReferenceData();

    private static NationalListCsv.Row row(int line, String insee, String code, String name) {
        return new NationalListCsv.Row(line, insee, "", code, name);
    }

    @Test
    void aTerritorysEpcisAreDerivedFromItsCommunes() {
        NationalListPlan plan = NationalListPlan.of(List.of(
                row(2, "54431", "ti-4420", "Val de Lorraine"),   // Pont-à-Mousson
                row(3, "54430", "ti-4420", "Val de Lorraine"),   // Pompey
                row(4, "54215", "ti-4420", "Val de Lorraine"),   // Frouard, same EPCI as Pompey
                row(5, "57463", "ti-4403", "Nord Lorraine")), REFERENCE); // Metz
        assertTrue(plan.acceptable());
        assertEquals(List.of("200041515", "245400601"), plan.territories().get("ti-4420").epcis());
        assertEquals(List.of("200039865"), plan.territories().get("ti-4403").epcis());
        assertEquals("ti-4403", plan.territoryOfLine(5));
    }

    @Test
    void everyBadRowIsRejectedWithItsReason() {
        NationalListPlan plan = NationalListPlan.of(List.of(
                row(2, "99999", "ti-4420", "Val de Lorraine"),
                row(3, "54431", "ti-4420", "Val de Lorraine"),
                row(4, "54431", "ti-4403", "Nord Lorraine"),
                row(5, "5443", "ti-4420", "Val de Lorraine"),
                row(6, "54430", "Val de Lorraine", "Val de Lorraine"),
                row(7, "54215", "ti-4420", "Val-de-Lorraine"),
                row(8, "57463", "ti-4403", "Nord Lorraine"),
                row(9, "57463", "ti-4403", "Nord Lorraine")), REFERENCE);
        assertEquals(List.of(
                "unknown commune 99999 in @etalab/decoupage-administratif 6.0.0",
                "commune 54431 is claimed by ti-4403 and ti-4420",
                "commune 54431 is claimed by ti-4403 and ti-4420",
                "insee_com must be an INSEE commune code: 5 characters, e.g. 54431 or 2A004",
                "id_ti must be an official territory code such as ti-8413",
                "commune 57463 is listed twice for ti-4403 (line 8)"),
                plan.rejections().stream().map(NationalListPlan.Rejection::reason).toList());
        assertEquals(List.of(2, 3, 4, 5, 6, 9), plan.rejections().stream().map(NationalListPlan.Rejection::line).toList());
    }

    @Test
    void aTerritoryHasOneName() {
        NationalListPlan plan = NationalListPlan.of(List.of(
                row(2, "54430", "ti-4420", "Val de Lorraine"),
                row(3, "54215", "ti-4420", "Val-de-Lorraine")), REFERENCE);
        assertEquals(List.of("territory ti-4420 is named \"Val de Lorraine\" on an earlier row"),
                plan.rejections().stream().map(NationalListPlan.Rejection::reason).toList());
    }
}
