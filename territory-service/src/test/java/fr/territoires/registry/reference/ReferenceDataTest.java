package fr.territoires.registry.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.codes.OfficialCodes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extract as the service loads it: complete, consistent, and with the codes it claims. */
class ReferenceDataTest {

    private static final ReferenceData DATA = new ReferenceData();

    @Test
    void holdsTheWholeCountryOfItsCogYear() {
        assertEquals("@etalab/decoupage-administratif 6.0.0", DATA.source());
        assertEquals(34_969, DATA.communeCount());
        assertEquals(1_255, DATA.epcis().size());
    }

    @Test
    void communesOfIsExactlyTheCoverageCommunes() {
        // The bulk loader's events carry communesOf; every other perimeter's derived data uses coverage.
        // Same members, same list: Val de Lorraine's six (an EPCI twice), an EPT with a commune of its own,
        // a single commune, an unknown SIREN, none.
        List<List<String>> cases = List.of(
                List.of("245400189", "200041515", "200070589", "200070738", "245400601", "245400676", "245400601"),
                List.of("200057990", "219200045"), List.of("215800467"), List.of("245400999", "245400601"), List.of());
        for (List<String> members : cases) {
            assertEquals(DATA.coverage(members).communes(), DATA.communesOf(members), members.toString());
        }
        DATA.epcis().keySet().forEach(siren -> assertEquals(DATA.coverage(List.of(siren)).communes(),
                DATA.communesOf(List.of(siren)), siren));
        assertEquals(169, DATA.communesOf(cases.get(0)).size());
    }

    @Test
    void theValDeLorraineEpcisAreThereWithTheirCommunes() {
        assertEquals("CC du Bassin de Pompey", DATA.epci("245400601").orElseThrow().name());
        assertTrue(DATA.epci("245400601").orElseThrow().communes().containsAll(List.of("54430", "54215", "54150")));
        assertEquals("CC du Bassin de Pont-à-Mousson", DATA.epci("200041515").orElseThrow().name());
        assertEquals("CC Mad et Moselle", DATA.epci("200070738").orElseThrow().name());
        assertEquals("CC de Seille et Grand Couronné", DATA.epci("200070589").orElseThrow().name());
        ReferenceData.Commune pam = DATA.commune("54431").orElseThrow();
        assertEquals(List.of("Pont-à-Mousson", "54", "44", "200041515"), List.of(pam.name(), pam.departement(), pam.region(), pam.epci()));
        assertEquals("Grand Est", DATA.region("44").orElseThrow().name());
        assertEquals("Meurthe-et-Moselle", DATA.departement("54").orElseThrow().name());
    }

    @Test
    void everyCodeIsWellFormedAndEveryLinkLeadsSomewhere() {
        DATA.epcis().values().forEach(e -> {
            assertEquals(Optional.empty(), OfficialCodes.sirenProblem(e.siren()), e.siren());
            assertTrue(!e.communes().isEmpty(), e.siren() + " has no commune");
            e.communes().forEach(code -> {
                ReferenceData.Commune c = DATA.commune(code).orElseThrow();
                assertEquals(e.siren(), c.epci());
                assertEquals(Optional.empty(), OfficialCodes.communeProblem(code), code);
                assertTrue(DATA.departement(c.departement()).isPresent(), code);
                assertTrue(DATA.region(c.region()).isPresent(), code);
            });
        });
    }

    @Test
    void corsicaHasItsOwnCodes() {
        assertEquals("Ajaccio", DATA.commune("2A004").orElseThrow().name());
        assertEquals("Corse-du-Sud", DATA.departement("2A").orElseThrow().name());
    }

    @Test
    void theCoverageOfValDeLorraineIsDerivedFromItsCommunes() {
        ReferenceData.Coverage coverage = DATA.coverage(List.of("245400601", "200041515", "200070738", "200070589"));
        assertEquals(133, coverage.communes().size());
        assertEquals(117_569, coverage.population());
        assertEquals(List.of(new ReferenceData.Named("54", "Meurthe-et-Moselle"), new ReferenceData.Named("57", "Moselle")),
                coverage.departements());
        assertEquals(List.of(new ReferenceData.Named("44", "Grand Est")), coverage.regions());
        assertEquals(coverage.communes().stream().sorted().toList(), coverage.communes());
    }
}
