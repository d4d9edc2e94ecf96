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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a limit on every request body (JSON 1 MiB, CSV imports 50 MiB, and 24 KiB under {@code /disclosure/} where
 * anyone may post an objection, by default; all configurable) and answers 413 {@code BODY_TOO_LARGE} past it,
 * whether the client announced the length or streamed it — in problem+json, or as a page in Chinese for a form
 * posted from a notice's page ({@link FormRefusalPages}). Within the limit the body is read once and kept, so that
 * the idempotency check can hash exactly what the controller reads, and a posted form's fields are read from it.
 * Runs after authentication, so that nobody unauthenticated can make the server buffer a body, except the small
 * public ones (whose number per address {@link ObjectionRateLimitInterceptor} bounds once Spring has routed them).
 * Which limit applies is decided on the path as Spring routes it ({@link RoutedPath}), never on the raw request URI,
 * which a client may write otherwise ({@code /%64isclosure/…}).
 */
@Component
@Order(10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long jsonBytesMax;
    private final long csvBytesMax;
    private final long publicBytesMax;
    private final ObjectMapper mapper;
    private final FormRefusalPages formPages;

    /** The form pages are looked up lazily: a filter is made before the rest of the ledger it would pull in. */
    public RequestBodyLimitFilter(@Value("${ledger.http.json-body-max:1MB}") DataSize jsonBodyMax,
                                  @Value("${ledger.http.csv-body-max:50MB}") DataSize csvBodyMax,
                                  @Value("${ledger.http.public-body-max:24KB}") DataSize publicBodyMax,
                                  ObjectMapper mapper, @Lazy FormRefusalPages formPages) {
        this.jsonBytesMax = jsonBodyMax.toBytes();
        this.csvBytesMax = csvBodyMax.toBytes();
        this.publicBytesMax = publicBodyMax.toBytes();
        this.mapper = mapper;
        this.formPages = formPages;
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
        // A register import is the only CSV the ledger takes (text/csv; anything else is refused 415 by then).
        long limit = type.startsWith("text/csv") ? csvBytesMax : jsonBytesMax;
        // Anyone may post under /disclosure/ without login (an objection: at most 2,000 characters of text and 100 of
        // contact), so its bodies get a small limit of their own. The notice page's form sends them percent-encoded:
        // a Chinese character is 3 UTF-8 bytes, each written %XX, so the longest objection is about 19,000 bytes.
        if (RoutedPath.isPublic(request)) {
            limit = Math.min(limit, publicBytesMax);
        }
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(request, response, limit);
            return;
        }
        if (body.length == 0 && request.getContentLengthLong() > 0 && FormRefusalPages.isFormPost(request)) {
            // A form whose fields the container parsed already, for a filter before this one (the staff screens'
            // login and CSRF check read them): its stream is spent, and the container's parameters, parsed within
            // its own limit on posted forms (server.tomcat.max-http-form-post-size, 64 KB), are the fields.
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        if (FormRefusalPages.isFormPost(request) && RoutedPath.isPublic(request)) {
            formPages.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE", 0);
            return;
        }
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

    /**
     * A request whose body has been read already and is served from memory. The servlet container would parse a
     * posted form's fields from the stream this filter has consumed, finding none; so for a form the parameters
     * (query string and body, in that order, as the servlet specification orders them) are parsed here from the kept
     * bytes, in the request's character encoding (UTF-8 unless the client said otherwise). A pair that does not
     * decode is left out, as the container leaves it out.
     */
    public static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private Map<String, String[]> formParameters;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        /** The fields of a posted form, or null when the body is not a form (the container's parameters stand). */
        private Map<String, String[]> formParameters() {
            if (formParameters == null && FormRefusalPages.isFormPost(this)) {
                Charset charset = charset();
                Map<String, List<String>> fields = new LinkedHashMap<>();
                parse(getQueryString(), charset, fields);
                parse(new String(body, StandardCharsets.ISO_8859_1), charset, fields);
                Map<String, String[]> parameters = new LinkedHashMap<>();
                fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
                formParameters = Collections.unmodifiableMap(parameters);
            }
            return formParameters;
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }

        /**
         * Adds the pairs of {@code application/x-www-form-urlencoded} text. The body is read as ISO-8859-1 so that
         * each byte stays one character until the percent-decoding turns the bytes into text of {@code charset}.
         */
        private static void parse(String encoded, Charset charset, Map<String, List<String>> fields) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                String decodedName;
                String decodedValue;
                try {
                    decodedName = decode(name, charset);
                    decodedValue = decode(value, charset);
                } catch (IllegalArgumentException malformed) {
                    // Not a well-formed pair (a stray %): left out, as the container does.
                    continue;
                }
                fields.computeIfAbsent(decodedName, key -> new ArrayList<>()).add(decodedValue);
            }
        }

        /** Percent-decodes to bytes (one per ISO-8859-1 character, '+' a space), then reads them as {@code charset}. */
        private static String decode(String text, Charset charset) {
            byte[] raw = URLDecoder.decode(text, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
            return new String(raw, charset);
        }

        @Override
        public String getParameter(String name) {
            Map<String, String[]> form = formParameters();
            if (form == null) {
                return super.getParameter(name);
            }
            String[] values = form.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> form = formParameters();
            return form == null ? super.getParameterMap() : form;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            Map<String, String[]> form = formParameters();
            return form == null ? super.getParameterNames() : Collections.enumeration(form.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            Map<String, String[]> form = formParameters();
            if (form == null) {
                return super.getParameterValues(name);
            }
            String[] values = form.get(name);
            return values == null ? null : values.clone();
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
