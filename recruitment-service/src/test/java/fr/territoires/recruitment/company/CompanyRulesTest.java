package fr.territoires.recruitment.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.territoires.commons.problem.Problem;
import fr.territoires.recruitment.reference.ReferenceData;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyRulesTest {

    private static final ReferenceData REFERENCE = new ReferenceData();

    private static List<String> fields(CompanyRequest r) {
        return CompanyRules.problems(r, REFERENCE).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void nafAndCommuneMustBeOfficialCodes() {
        assertEquals(List.of(), fields(new CompanyRequest("73282932000074", "X", "25.11Z", "54430", Company.SizeBand.SMALL, null)));
        assertEquals(List.of("nafCode"), fields(new CompanyRequest("73282932000074", "X", "25.11Y", "54430", Company.SizeBand.SMALL, null)));
        assertEquals(List.of("nafCode", "commune"), fields(new CompanyRequest("73282932000074", "X", "2511Z", "99999", Company.SizeBand.SMALL, null)));
        assertEquals(List.of("commune", "territory"), fields(new CompanyRequest("73282932000074", "X", "25.11Z", "5443", Company.SizeBand.SMALL, "4401")));
    }

    @Test
    void theEstablishmentIsPlacedInTheOneTerritoryHoldingItsCommune() {
        assertEquals("ti-1", CompanyRules.place("54430", null, List.of("ti-1")).territory());
        CompanyRules.Placement outside = CompanyRules.place("54430", null, List.of());
        assertNull(outside.territory());
        assertEquals("commune", outside.error().field());
        CompanyRules.Placement ambiguous = CompanyRules.place("54430", null, List.of("ti-1", "ti-2"));
        assertEquals("territory", ambiguous.error().field());
        assertEquals("must be given: commune 54430 lies in ti-1 and ti-2", ambiguous.error().message());
        assertEquals("ti-2", CompanyRules.place("54430", "ti-2", List.of("ti-1", "ti-2")).territory());
        assertEquals("territory", CompanyRules.place("54430", "ti-3", List.of("ti-1")).error().field());
    }
}
