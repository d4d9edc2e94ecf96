package cn.fupin.ledger.ops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 request without login from a loopback address of the test's choice (127.0.0.2, 127.0.0.3, …), so that
 * a test of a per-address limit does not share its count with every other request of the run, which all come from
 * 127.0.0.1. Written on a plain socket, because Java's HTTP client cannot choose its local address.
 */
public final class FromAddress {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String address;

    public FromAddress(int port, String address) {
        if (!address.startsWith("127.")) {
            throw new IllegalArgumentException("a loopback address");
        }
        this.port = port;
        this.address = address;
    }

    public String address() {
        return address;
    }

    public Answer post(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Answer send(String method, String path, String contentType, byte[] body) {
        return send(method, path, Map.of(), contentType, body);
    }

    /**
     * A request whose path goes on the request line exactly as given (no encoding, no normalising: {@code %6F},
     * {@code //}, {@code ;jsessionid=…} and {@code /./} reach the server as written), with more headers of the test's
     * choice ({@code X-Forwarded-For}, {@code Origin}, …).
     */
    public Answer send(String method, String path, Map<String, String> headers, String contentType, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(60_000);
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: "
                    + headers.getOrDefault("Host", "127.0.0.1:" + port) + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((name, value) -> {
                if (!name.equals("Host")) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            });
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return Answer.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOf(chunked, at);
                int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII)
                        .split(";")[0].strip(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("a chunk's size line does not end");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
