package fr.territoires.commons.codes;

import java.util.Map;
import java.util.Optional;

/**
 * The region of each département (INSEE codes, from @etalab/decoupage-administratif 6.0.0, the
 * registry's reference data), so that a service holding only commune codes — from territory events —
 * knows which Region a territory belongs to without calling the registry.
 */
public final class Departements {

    private static final Map<String, String> REGION_OF = Map.ofEntries(
            Map.entry("01", "84"),
            Map.entry("02", "32"),
            Map.entry("03", "84"),
            Map.entry("04", "93"),
            Map.entry("05", "93"),
            Map.entry("06", "93"),
            Map.entry("07", "84"),
            Map.entry("08", "44"),
            Map.entry("09", "76"),
            Map.entry("10", "44"),
            Map.entry("11", "76"),
            Map.entry("12", "76"),
            Map.entry("13", "93"),
            Map.entry("14", "28"),
            Map.entry("15", "84"),
            Map.entry("16", "75"),
            Map.entry("17", "75"),
            Map.entry("18", "24"),
            Map.entry("19", "75"),
            Map.entry("21", "27"),
            Map.entry("22", "53"),
            Map.entry("23", "75"),
            Map.entry("24", "75"),
            Map.entry("25", "27"),
            Map.entry("26", "84"),
            Map.entry("27", "28"),
            Map.entry("28", "24"),
            Map.entry("29", "53"),
            Map.entry("2A", "94"),
            Map.entry("2B", "94"),
            Map.entry("30", "76"),
            Map.entry("31", "76"),
            Map.entry("32", "76"),
            Map.entry("33", "75"),
            Map.entry("34", "76"),
            Map.entry("35", "53"),
            Map.entry("36", "24"),
            Map.entry("37", "24"),
            Map.entry("38", "84"),
            Map.entry("39", "27"),
            Map.entry("40", "75"),
            Map.entry("41", "24"),
            Map.entry("42", "84"),
            Map.entry("43", "84"),
            Map.entry("44", "52"),
            Map.entry("45", "24"),
            Map.entry("46", "76"),
            Map.entry("47", "75"),
            Map.entry("48", "76"),
            Map.entry("49", "52"),
            Map.entry("50", "28"),
            Map.entry("51", "44"),
            Map.entry("52", "44"),
            Map.entry("53", "52"),
            Map.entry("54", "44"),
            Map.entry("55", "44"),
            Map.entry("56", "53"),
            Map.entry("57", "44"),
            Map.entry("58", "27"),
            Map.entry("59", "32"),
            Map.entry("60", "32"),
            Map.entry("61", "28"),
            Map.entry("62", "32"),
            Map.entry("63", "84"),
            Map.entry("64", "75"),
            Map.entry("65", "76"),
            Map.entry("66", "76"),
            Map.entry("67", "44"),
            Map.entry("68", "44"),
            Map.entry("69", "84"),
            Map.entry("70", "27"),
            Map.entry("71", "27"),
            Map.entry("72", "52"),
            Map.entry("73", "84"),
            Map.entry("74", "84"),
            Map.entry("75", "11"),
            Map.entry("76", "28"),
            Map.entry("77", "11"),
            Map.entry("78", "11"),
            Map.entry("79", "75"),
            Map.entry("80", "32"),
            Map.entry("81", "76"),
            Map.entry("82", "76"),
            Map.entry("83", "93"),
            Map.entry("84", "93"),
            Map.entry("85", "52"),
            Map.entry("86", "75"),
            Map.entry("87", "75"),
            Map.entry("88", "44"),
            Map.entry("89", "27"),
            Map.entry("90", "27"),
            Map.entry("91", "11"),
            Map.entry("92", "11"),
            Map.entry("93", "11"),
            Map.entry("94", "11"),
            Map.entry("95", "11"),
            Map.entry("971", "01"),
            Map.entry("972", "02"),
            Map.entry("973", "03"),
            Map.entry("974", "04"),
            Map.entry("975", "975"),
            Map.entry("976", "06"),
            Map.entry("977", "977"),
            Map.entry("978", "978"),
            Map.entry("984", "984"),
            Map.entry("986", "986"),
            Map.entry("987", "987"),
            Map.entry("988", "988"),
            Map.entry("989", "989"));

    private Departements() {
    }

    /** The département of a commune: 2 characters, 3 overseas (97x). */
    public static String ofCommune(String insee) {
        return insee.startsWith("97") ? insee.substring(0, 3) : insee.substring(0, 2);
    }

    public static Optional<String> regionOf(String departement) {
        return Optional.ofNullable(REGION_OF.get(departement));
    }

    /** The départements of a region (INSEE code), sorted; empty for an unknown region. */
    public static java.util.List<String> ofRegion(String region) {
        return REGION_OF.entrySet().stream().filter(e -> e.getValue().equals(region)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    public static Optional<String> regionOfCommune(String insee) {
        return insee == null || insee.length() != 5 ? Optional.empty() : regionOf(ofCommune(insee));
    }
}
