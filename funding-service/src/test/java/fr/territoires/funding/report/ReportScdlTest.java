package fr.territoires.funding.report;

import fr.territoires.commons.csv.CsvExport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.funding.envelope.Envelope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportScdlTest {

    private static final UUID COMMITMENT = UUID.fromString("6f1c1d0e-8f0a-4a57-9d39-0c6f0b1f2a3b");

    private static ScdlSubventions.Grant grant(boolean settled, int payments, String first, String last) {
        return new ScdlSubventions.Grant(COMMITMENT, LocalDate.of(2026, 3, 12), new BigDecimal("85000.00"), settled,
                Envelope.Funder.STATE_ANCT, null, "13002603200016", "Fonds industrie", 2030, "Exemple Industries",
                "55208131766522", "Ligne de production", payments, first == null ? null : LocalDate.parse(first),
                last == null ? null : LocalDate.parse(last));
    }

    @Test
    void theColumnsAreTheSchemasInItsOrder() {
        assertEquals("nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,"
                + "montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention",
                String.join(",", ScdlSubventions.COLUMNS));
    }

    @Test
    void aGrantIsOneRowWithTheSchemasFormats() {
        assertEquals(Arrays.asList("Agence nationale de la cohésion des territoires", "13002603200016", "2026-03-12",
                COMMITMENT.toString(), "Exemple Industries", "55208131766522", "Ligne de production", "85000.00",
                "aide en numéraire", "échelonné", "2026-04-01/2030-12-31", null, "non", "1.00"),
                ScdlSubventions.row(grant(false, 1, "2026-04-01", "2026-04-01")));
    }

    @Test
    void oneSettlingPaymentIsAUniquePaymentOnItsDate() {
        ScdlSubventions.Grant g = grant(true, 1, "2026-09-30", "2026-09-30");
        assertEquals("unique", ScdlSubventions.conditionsVersement(g));
        assertEquals("2026-09-30", ScdlSubventions.datesPeriodeVersement(g));
    }

    @Test
    void severalPaymentsAreStaggeredOverTheirPeriod() {
        ScdlSubventions.Grant settled = grant(true, 3, "2026-04-01", "2027-11-30");
        assertEquals("échelonné", ScdlSubventions.conditionsVersement(settled));
        assertEquals("2026-04-01/2027-11-30", ScdlSubventions.datesPeriodeVersement(settled));
        // Still paying: the period runs to the end of the envelope's last fiscal year, or later if already paid later.
        assertEquals("2026-04-01/2030-12-31", ScdlSubventions.datesPeriodeVersement(grant(false, 2, "2026-04-01", "2027-01-15")));
        assertEquals("2026-04-01/2031-02-01", ScdlSubventions.datesPeriodeVersement(grant(false, 2, "2026-04-01", "2031-02-01")));
    }

    @Test
    void aGrantNotPaidYetIsForeseenFromItsConventionToTheEnvelopesLastYear() {
        ScdlSubventions.Grant g = grant(false, 0, null, null);
        assertEquals("échelonné", ScdlSubventions.conditionsVersement(g));
        assertEquals("2026-03-12/2030-12-31", ScdlSubventions.datesPeriodeVersement(g));
    }

    @Test
    void theAttribuantIsTheFundersOfficialNameAndARegionsAuthority() {
        assertEquals("Région Grand Est", Names.attribuant(Envelope.Funder.REGION, "44", "Fonds"));
        assertEquals("Collectivité de Corse", Names.attribuant(Envelope.Funder.REGION, "94", "Fonds"));
        assertEquals("Bpifrance", Names.attribuant(Envelope.Funder.BPIFRANCE, null, "Prêts"));
        assertEquals("Fondation Exemple", Names.attribuant(Envelope.Funder.OTHER, null, "Fondation Exemple"));
    }

    @Test
    void theObjetIsCutToTheSchemasLength() {
        String longTitle = "é".repeat(300);
        String objet = ScdlSubventions.objet(longTitle);
        assertEquals(256, objet.length());
        assertEquals("…", objet.substring(255));
        assertEquals("Titre court", ScdlSubventions.objet("  Titre court "));
        String emoji = "🏭".repeat(300); // two chars each: the cut counts characters, never halves one
        assertEquals(256, ScdlSubventions.objet(emoji).codePointCount(0, ScdlSubventions.objet(emoji).length()));
    }

    @Test
    void aRowIsWrittenVerbatimWithEmptyCellsForWhatIsNotKnown() {
        String line = CsvExport.of(',', List.of()).row(ScdlSubventions.row(grant(true, 1, "2026-09-30", "2026-09-30"))).text();
        assertEquals("Agence nationale de la cohésion des territoires,13002603200016,2026-03-12," + COMMITMENT
                + ",Exemple Industries,55208131766522,Ligne de production,85000.00,aide en numéraire,unique,2026-09-30,,non,1.00"
                + "\r\n", line.substring(2));
    }
}
