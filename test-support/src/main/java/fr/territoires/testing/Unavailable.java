package fr.territoires.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;

/** The answer of a request that needs a dependency that is away: 503 problem+json with Retry-After, no stack trace. */
public final class Unavailable {

    private Unavailable() {
    }

    /** Asserts it, and gives the response back for what a test checks beyond it. */
    public static ValidatableResponse dependencyUnavailable(ValidatableResponse response) {
        return response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:territoires:problem:dependency-unavailable"))
                .body("status", equalTo(503))
                .body(not(containsString("Exception")));
    }
}
