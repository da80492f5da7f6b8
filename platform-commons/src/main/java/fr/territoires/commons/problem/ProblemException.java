package fr.territoires.commons.problem;

import java.util.List;

/** Thrown by domain and resource code to answer a specific problem; nothing is stored. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation(field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what + " does not exist"));
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(Problem.of(type, "Conflict", 409, detail));
    }
}
