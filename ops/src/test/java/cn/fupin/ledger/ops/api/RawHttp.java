package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Requests the test client {@link Api} does not make: any method, and a body streamed without a length (HTTP/1.1
 * chunked transfer coding), which is how a client can try to get past a Content-Length check.
 */
final class RawHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request with a method of the caller's choice, as a demo user (password "demo"). */
    Api.Response send(String method, String path, String demoUser, String contentType, byte[] body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return send(builder(path, demoUser, contentType).method(method, publisher));
    }

    /** A POST whose body is streamed in chunks, with no Content-Length header. */
    Api.Response postStreamed(String path, String demoUser, String contentType, byte[] body) {
        HttpRequest.BodyPublisher unknownLength = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        if (unknownLength.contentLength() >= 0) {
            throw new IllegalStateException("the body must be sent without a length");
        }
        return send(builder(path, demoUser, contentType).POST(unknownLength));
    }

    private HttpRequest.Builder builder(String path, String demoUser, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (demoUser != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((demoUser + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder;
    }

    private Api.Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
