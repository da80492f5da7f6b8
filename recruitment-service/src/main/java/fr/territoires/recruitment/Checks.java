package fr.territoires.recruitment;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bean Validation and the domain's own rules give one list of field errors, so that a client (or a
 * CSV row) hears about every bad field at once.
 */
public final class Checks {

    private Checks() {
    }

    /** The constraint violations of a request body, named as the client names the fields. */
    public static List<Problem.FieldError> violations(Validator validator, Object request) {
        return validator.validate(request).stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .toList();
    }

    /** A 400 problem naming every field, or nothing when there is no error. */
    @SafeVarargs
    public static void failIfAny(List<Problem.FieldError>... lists) {
        List<Problem.FieldError> errors = Stream.of(lists).flatMap(List::stream)
                .sorted(Comparator.comparing(Problem.FieldError::field)).distinct().toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors));
        }
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // skills[2].<list element> → skills[2]
        return path.replaceAll("\\.<[^>]+>$", "").replaceAll("\\.<[^>]+>", "");
    }
}
