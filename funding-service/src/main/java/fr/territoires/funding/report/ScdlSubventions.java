package fr.territoires.funding.report;

import fr.territoires.commons.csv.CsvExport;
import fr.territoires.funding.envelope.Envelope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Approved grants in the SCDL "subventions" open-data format, schema 2.0.0 of OpenDataFrance
 * (schema.data.gouv.fr/scdl/subventions/2.0.0): its fourteen columns in its order, ISO dates,
 * amounts with a dot, booleans "oui"/"non". One row per commitment: each envelope of a co-financed
 * project is a grant of its own funder.
 */
public final class ScdlSubventions {

    public static final List<String> COLUMNS = List.of("nomAttribuant", "idAttribuant", "dateConvention",
            "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "objet", "montant", "nature",
            "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention");

    /** The schema's limit on objet. */
    static final int MAX_OBJET = 256;
    /** The platform's grants are money paid to the owner (never in kind). */
    static final String NATURE = "aide en numéraire";
    /** One beneficiary per commitment: it receives 100% of the grant, written as the schema asks. */
    static final String WHOLE_GRANT = "1.00";

    /**
     * A commitment with what the export needs of its envelope, application and payments.
     * {@code payments} counts payments that are not reversals; {@code firstPaid}/{@code lastPaid}
     * are their dates (null when none).
     */
    public record Grant(UUID commitment, LocalDate committedOn, BigDecimal amount, boolean settled,
            Envelope.Funder funder, String funderRegion, String funderSiret, String envelopeName, int envelopeLastYear,
            String ownerName, String ownerSiret, String title, int payments, LocalDate firstPaid, LocalDate lastPaid) {
    }

    private ScdlSubventions() {
    }

    public static List<String> row(Grant g) {
        return Arrays.asList(
                Names.attribuant(g.funder(), g.funderRegion(), g.envelopeName()),
                g.funderSiret(), // empty when the envelope was opened without the funder's SIRET
                g.committedOn().toString(),
                g.commitment().toString(),
                g.ownerName(),
                g.ownerSiret(),
                objet(g.title()),
                CsvExport.money(g.amount()),
                NATURE,
                conditionsVersement(g),
                datesPeriodeVersement(g),
                null, // idRAE: the platform does not know the aid's number in the Répertoire des aides aux entreprises
                "non", // notificationUE: not recorded by the platform; its grants are not notified state aid
                WHOLE_GRANT);
    }

    /** "unique" for a grant settled by one payment, "échelonné" otherwise (several, or more to come). */
    static String conditionsVersement(Grant g) {
        return g.settled() && g.payments() == 1 ? "unique" : "échelonné";
    }

    /**
     * A single payment's date; otherwise a period "start/end": from the first payment (or the
     * convention when nothing is paid yet) to the last payment once settled, or — while payments may
     * still come — to 31 December of the envelope's last fiscal year, the latest it can pay.
     */
    static String datesPeriodeVersement(Grant g) {
        if (g.settled() && g.payments() == 1) {
            return g.lastPaid().toString();
        }
        LocalDate start = g.firstPaid() != null ? g.firstPaid() : g.committedOn();
        LocalDate end = g.settled() && g.lastPaid() != null ? g.lastPaid() : LocalDate.of(g.envelopeLastYear(), 12, 31);
        if (g.lastPaid() != null && g.lastPaid().isAfter(end)) {
            end = g.lastPaid();
        }
        if (end.isBefore(start)) {
            end = start;
        }
        return start + "/" + end;
    }

    /** The project's title, cut to the schema's 256 characters (an ellipsis marks the cut). */
    static String objet(String title) {
        String t = title.strip();
        if (t.codePointCount(0, t.length()) <= MAX_OBJET) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, MAX_OBJET - 1)) + "…"; // never splits a surrogate pair
    }
}
