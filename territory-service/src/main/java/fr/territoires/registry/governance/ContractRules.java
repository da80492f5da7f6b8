package fr.territoires.registry.governance;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The order of a territory's contract (DOMAIN.md): a protocole d'accord, then one contrat, then
 * its amendments, each signed on or after the one it follows. Plain rules over what is recorded.
 */
public final class ContractRules {

    /** What is already recorded of a document, for the rules. */
    public record Signed(ContractDocument.Kind kind, LocalDate signedOn) {
    }

    private ContractRules() {
    }

    public static void check(ContractDocument.Kind kind, LocalDate signedOn, LocalDate endsOn, LocalDate today,
            List<Signed> recorded) {
        if (endsOn != null && !endsOn.isAfter(signedOn)) {
            throw ProblemException.invalid("endsOn", "must be after signedOn (" + signedOn + ")");
        }
        if (signedOn.isAfter(today)) {
            throw ProblemException.invalid("signedOn", "must not be in the future: record a document once it is signed");
        }
        Optional<Signed> protocole = find(recorded, ContractDocument.Kind.PROTOCOLE_ACCORD);
        Optional<Signed> contrat = find(recorded, ContractDocument.Kind.CONTRAT);
        switch (kind) {
            case PROTOCOLE_ACCORD -> {
                if (protocole.isPresent()) {
                    throw conflict("The territory already has a protocole d'accord (signed " + protocole.get().signedOn()
                            + ")");
                }
                if (contrat.isPresent()) {
                    throw conflict("The contrat is already signed; a protocole d'accord comes before it");
                }
            }
            case CONTRAT -> {
                if (contrat.isPresent()) {
                    throw conflict("The territory already has a contrat (signed " + contrat.get().signedOn()
                            + "); changes to it are avenants");
                }
                protocole.filter(p -> signedOn.isBefore(p.signedOn())).ifPresent(p -> {
                    throw ProblemException.invalid("signedOn", "must not be before the protocole d'accord ("
                            + p.signedOn() + ")");
                });
            }
            case AVENANT -> {
                Signed base = contrat.orElseThrow(() -> conflict("An avenant amends the contrat: record the contrat first"));
                LocalDate last = recorded.stream().filter(s -> s.kind() == ContractDocument.Kind.AVENANT)
                        .map(Signed::signedOn).max(LocalDate::compareTo).orElse(base.signedOn());
                if (signedOn.isBefore(last)) {
                    throw ProblemException.invalid("signedOn", "must not be before the document it amends (" + last + ")");
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static Optional<Signed> find(List<Signed> recorded, ContractDocument.Kind kind) {
        return recorded.stream().filter(s -> s.kind() == kind).findFirst();
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of("contract-order", "Conflict", 409, detail));
    }
}
