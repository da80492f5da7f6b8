package fr.territoires.recruitment.reference;

import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.commons.reference.ReferenceFiles;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ROME job codes (France Travail): a family letter A to N, two digits of domain, two digits, and
 * the official label of each code, from the referential's extract {@code reference/rome.csv}
 * (France Travail's ROME 4.0, Licence Ouverte, as kept by gip-inclusion/les-emplois; rebuilt by
 * territory-service/reference-data/programme.mjs). A code must be in the referential.
 */
public final class Rome {

    /** The 14 families (grands domaines) of the ROME, by their letter. */
    public enum Family {
        A("Agriculture et pêche, espaces naturels et espaces verts, soins aux animaux"),
        B("Arts et façonnage d'ouvrages d'art"),
        C("Banque, assurance, immobilier"),
        D("Commerce, vente et grande distribution"),
        E("Communication, média et multimédia"),
        F("Construction, bâtiment et travaux publics"),
        G("Hôtellerie-restauration, tourisme, loisirs et animation"),
        H("Industrie"),
        I("Installation et maintenance"),
        J("Santé"),
        K("Services à la personne et à la collectivité"),
        L("Spectacle"),
        M("Support à l'entreprise"),
        N("Transport et logistique");

        public final String label;

        Family(String label) {
            this.label = label;
        }

        public static Optional<Family> of(String letter) {
            if (letter == null || letter.length() != 1) {
                return Optional.empty();
            }
            for (Family f : values()) {
                if (f.name().equals(letter)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private Rome() {
    }

    /** The referential, read once on first use: code → official label, in code order. */
    private static final class Referential {
        static final Map<String, String> LABELS = read();

        private static Map<String, String> read() {
            Map<String, String> labels = new TreeMap<>();
            ReferenceFiles.rows(Rome.class, "rome.csv", f -> labels.put(f[0], f[1]));
            return Collections.unmodifiableMap(labels);
        }
    }

    /** Why a code is not a ROME code of the referential, or empty. */
    public static Optional<String> problem(String code) {
        if (code != null && code.length() == 5 && Character.isLetter(code.charAt(0))
                && Family.of(code.substring(0, 1)).isEmpty() && code.substring(1).chars().allMatch(Character::isDigit)) {
            return Optional.of("has no ROME family " + code.charAt(0) + ": the families are A to N");
        }
        Optional<String> shape = OfficialCodes.romeProblem(code);
        if (shape.isPresent()) {
            return shape;
        }
        return Referential.LABELS.containsKey(code) ? Optional.empty()
                : Optional.of("is not a job of the ROME referential (France Travail, " + Referential.LABELS.size() + " codes)");
    }

    /** The official label of a code of the referential, e.g. H2913 "Soudage manuel"; empty when unknown. */
    public static Optional<String> label(String code) {
        return Optional.ofNullable(code == null ? null : Referential.LABELS.get(code));
    }

    /** The whole referential, code → label, in code order. */
    public static Map<String, String> labels() {
        return Referential.LABELS;
    }

    /** The family of a valid code. */
    public static Family family(String code) {
        return Family.of(code.substring(0, 1))
                .orElseThrow(() -> new IllegalArgumentException("not a ROME code: " + code));
    }
}
