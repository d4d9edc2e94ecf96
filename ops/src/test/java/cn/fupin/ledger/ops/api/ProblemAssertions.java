package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every error answer of the contract (API.md) must be: problem+json, its {@code status} the HTTP status, a
 * stable {@code code}, and nothing of the server's insides (no stack trace, no exception name, no SQL).
 */
final class ProblemAssertions {

    /** Fragments that only a leaked stack trace, exception or SQL statement would put in a body. */
    static final List<String> LEAKS = List.of("Exception", "at cn.", "at org.", "SELECT", "INSERT", "UPDATE ",
            "org.hibernate", "java.", "jakarta.", "com.fasterxml");

    private ProblemAssertions() {
    }

    /** Asserts the answer is a problem with this status and code, and returns its body. */
    static JsonNode assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(status);
        JsonNode body = assertAnyProblem(response);
        assertThat(body.path("code").asText()).as("code of %s", response).isEqualTo(code);
        return body;
    }

    /** Asserts the answer is a well-formed, leak-free problem, whatever its status and code, and returns its body. */
    static JsonNode assertAnyProblem(Api.Response response) {
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("status").asInt()).as("status in the body of %s", response).isEqualTo(response.status());
        assertThat(body.path("code").asText()).as("code of %s", response).matches("[A-Z][A-Z0-9_]*");
        assertThat(body.path("title").asText()).as("title of %s", response).isNotBlank();
        assertThat(body.path("type").asText()).as("type of %s", response).isEqualTo("urn:fupin-ledger:problem:" + body.path("code").asText());
        assertThat(response.body()).as("body of %s", response).doesNotContain(LEAKS);
        return body;
    }

    /** The {@code errors} of a problem as "field:code" pairs, in the answer's order. */
    static List<String> fieldErrors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            assertThat(error.path("message").asText()).as("message of error %s", error).isNotBlank();
            errors.add(error.path("field").asText() + ":" + error.path("code").asText());
        }
        return errors;
    }

}
