package fr.territoires.recruitment.reference;

import fr.territoires.commons.codes.OfficialCodes;
import java.util.Optional;

/**
 * ROME job codes (France Travail): a family letter A to N, two digits of domain, two digits. No
 * pinned package publishes the list of codes, so a code is checked for its format and family only
 * (docs/recruitment.md).
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

    /** Why a code is not a ROME code, or empty. */
    public static Optional<String> problem(String code) {
        if (code != null && code.length() == 5 && Character.isLetter(code.charAt(0))
                && Family.of(code.substring(0, 1)).isEmpty() && code.substring(1).chars().allMatch(Character::isDigit)) {
            return Optional.of("has no ROME family " + code.charAt(0) + ": the families are A to N");
        }
        return OfficialCodes.romeProblem(code);
    }

    /** The family of a valid code. */
    public static Family family(String code) {
        return Family.of(code.substring(0, 1))
                .orElseThrow(() -> new IllegalArgumentException("not a ROME code: " + code));
    }
}
