package cn.fupin.ledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a limit on every request body (JSON 1 MiB, CSV imports 50 MiB, and 16 KiB under {@code /disclosure/} where
 * anyone may post an objection, by default; all configurable) and answers 413 {@code BODY_TOO_LARGE} past it,
 * whether the client announced the length or streamed it. Within the limit the body is read once and kept, so that
 * the idempotency check can hash exactly what the controller reads. Runs after authentication, so that nobody
 * unauthenticated can make the server buffer a body, except the small public ones, which are rate-limited before
 * ({@link ObjectionRateLimitFilter}).
 */
@Component
@Order(10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long jsonBytesMax;
    private final long csvBytesMax;
    private final long publicBytesMax;
    private final ObjectMapper mapper;

    public RequestBodyLimitFilter(@Value("${ledger.http.json-body-max:1MB}") DataSize jsonBodyMax,
                                  @Value("${ledger.http.csv-body-max:50MB}") DataSize csvBodyMax,
                                  @Value("${ledger.http.public-body-max:16KB}") DataSize publicBodyMax,
                                  ObjectMapper mapper) {
        this.jsonBytesMax = jsonBodyMax.toBytes();
        this.csvBytesMax = csvBodyMax.toBytes();
        this.publicBytesMax = publicBodyMax.toBytes();
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        // A register import is CSV whether it comes as text/csv or as text/plain (the import takes both).
        long limit = type.startsWith("text/csv") || type.startsWith("text/plain") ? csvBytesMax : jsonBytesMax;
        // Anyone may post under /disclosure/ without login (an objection: at most 2,000 characters of text), so its
        // bodies get a small limit of their own.
        if (request.getRequestURI().startsWith("/disclosure/")) {
            limit = Math.min(limit, publicBytesMax);
        }
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        Problems.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE",
                "the body is larger than the limit of " + limit + " bytes");
    }

    /** The whole stream, or null when it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** A request whose body has been read already and is served from memory. */
    public static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        public byte[] body() {
            return body.clone();
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
