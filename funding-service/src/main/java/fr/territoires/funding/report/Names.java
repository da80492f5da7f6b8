package fr.territoires.funding.report;

import fr.territoires.funding.envelope.Envelope;
import java.util.Map;
import java.util.Optional;

/**
 * The names the reports print for codes: regions (INSEE codes since 2016), the regional authority
 * that awards a Region's grants, funders and priorities.
 */
public final class Names {

    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("01", "Guadeloupe"),
            Map.entry("02", "Martinique"),
            Map.entry("03", "Guyane"),
            Map.entry("04", "La Réunion"),
            Map.entry("06", "Mayotte"),
            Map.entry("11", "Île-de-France"),
            Map.entry("24", "Centre-Val de Loire"),
            Map.entry("27", "Bourgogne-Franche-Comté"),
            Map.entry("28", "Normandie"),
            Map.entry("32", "Hauts-de-France"),
            Map.entry("44", "Grand Est"),
            Map.entry("52", "Pays de la Loire"),
            Map.entry("53", "Bretagne"),
            Map.entry("75", "Nouvelle-Aquitaine"),
            Map.entry("76", "Occitanie"),
            Map.entry("84", "Auvergne-Rhône-Alpes"),
            Map.entry("93", "Provence-Alpes-Côte d'Azur"),
            Map.entry("94", "Corse"));

    /** Where the regional council is a single territorial authority, it awards under that name. */
    private static final Map<String, String> REGIONAL_AUTHORITIES = Map.of(
            "02", "Collectivité territoriale de Martinique",
            "03", "Collectivité territoriale de Guyane",
            "06", "Département de Mayotte",
            "94", "Collectivité de Corse");

    private Names() {
    }

    /** The region's name; empty for a code that is not a region (e.g. an overseas collectivity). */
    public static Optional<String> region(String code) {
        return Optional.ofNullable(code == null ? null : REGIONS.get(code));
    }

    public static boolean isRegion(String code) {
        return code != null && REGIONS.containsKey(code);
    }

    /**
     * The official name of the body awarding a grant (SCDL nomAttribuant). A Region's envelope names
     * its regional authority; a funder the platform does not know by name ("OTHER") is known by the
     * envelope's own name.
     */
    public static String attribuant(Envelope.Funder funder, String region, String envelopeName) {
        return switch (funder) {
            case STATE_ANCT -> "Agence nationale de la cohésion des territoires";
            case REGION -> REGIONAL_AUTHORITIES.getOrDefault(region,
                    "Région " + region(region).orElse(region == null ? "" : region));
            case BPIFRANCE -> "Bpifrance";
            case BANQUE_DES_TERRITOIRES -> "Caisse des dépôts et consignations (Banque des Territoires)";
            case EU_FEDER -> "Union européenne (FEDER)";
            case ADEME -> "Agence de l'environnement et de la maîtrise de l'énergie (ADEME)";
            case OTHER -> envelopeName;
        };
    }

    /** A funder as a report label (not the awarding body of one envelope: REGION is every Region). */
    public static String funder(Envelope.Funder funder) {
        return switch (funder) {
            case STATE_ANCT -> "État (ANCT)";
            case REGION -> "Régions";
            case BPIFRANCE -> "Bpifrance";
            case BANQUE_DES_TERRITOIRES -> "Banque des Territoires";
            case EU_FEDER -> "Union européenne (FEDER)";
            case ADEME -> "ADEME";
            case OTHER -> "Autres financeurs";
        };
    }

    /** The programme's four priorities, as the programme writes them. */
    public static String priority(Envelope.Priority priority) {
        return switch (priority) {
            case RECRUIT -> "Recruter";
            case INNOVATE -> "Innover";
            case ATTRACT -> "Attirer";
            case SIMPLIFY -> "Simplifier";
        };
    }
}
