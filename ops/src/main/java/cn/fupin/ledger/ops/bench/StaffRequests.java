package cn.fupin.ledger.ops.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Requests to the ledger under test as one staff user, with HTTP Basic as every client of the API sends them: the
 * harness acts as a clerk and, for the grant batch, as an approver too (four eyes).
 */
final class StaffRequests {

    /** The bound of an ordinary request; a large one (an import, a batch) sets its own. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final String authorization;

    StaffRequests(int port, String user, String password) {
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT)
                .header("Authorization", authorization);
    }

    HttpRequest post(String path, String json) {
        return post(path, json, TIMEOUT);
    }

    HttpRequest post(String path, String json, Duration timeout) {
        return to(path).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    HttpRequest postCsv(String path, String csv, Duration timeout) {
        return to(path).timeout(timeout).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
    }

    HttpRequest get(String path) {
        return to(path).GET().build();
    }

    /** The same GET without logging in, as a villager's phone sends it (the public pages). */
    HttpRequest getAnonymously(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).GET().build();
    }
}
