package cn.fupin.ledger.ops.app;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;

/**
 * A {@code multipart/form-data} body read by the screen that takes it, not by the container: the ledger keeps the
 * container's multipart parsing off ({@code spring.servlet.multipart.enabled: false}), so that no endpoint of the
 * API takes a file from a plain HTML form of another site, and so that the body passes {@code RequestBodyLimitFilter}
 * (with its limit) before anything reads it. The CSRF token of such a form travels in its action's query string,
 * where Spring Security reads it without parsing the body. Fields are text (UTF-8); a file is its bytes and its name.
 */
final class MultipartForm {

    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

    /** One file of the form: its name as the browser gave it (without a path) and its bytes. */
    record File(String name, byte[] content) {
    }

    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, File> files = new HashMap<>();

    private MultipartForm() {
    }

    /** The form in {@code body}, or null when the content type is not multipart with a boundary, or the body is not one. */
    static MultipartForm parse(String contentType, byte[] body) {
        String boundary;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
                return null;
            }
            boundary = type.getParameter("boundary");
        } catch (RuntimeException e) {
            return null;
        }
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            return null;
        }
        if (boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        // ISO-8859-1 maps each byte to one char, so positions in the text are positions in the bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        MultipartForm form = new MultipartForm();
        int at = text.indexOf(delimiter);
        if (at < 0) {
            return null;
        }
        while (true) {
            int partStart = at + delimiter.length();
            if (text.startsWith("--", partStart)) {
                return form;
            }
            if (!text.startsWith("\r\n", partStart)) {
                return null;
            }
            partStart += 2;
            int headersEnd = text.indexOf("\r\n\r\n", partStart);
            int next = text.indexOf("\r\n" + delimiter, partStart);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return null;
            }
            String headers = new String(Arrays.copyOfRange(body, partStart, headersEnd), StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                Matcher fileName = FILE_NAME.matcher(headers);
                if (fileName.find()) {
                    String plain = fileName.group(1).replaceAll(".*[/\\\\]", "");
                    form.files.putIfAbsent(name.group(1), new File(plain, content));
                } else {
                    form.fields.putIfAbsent(name.group(1), new String(content, StandardCharsets.UTF_8));
                }
            }
            at = next + 2;
        }
    }

    /** The field's text, or null when the form has none of that name. */
    String field(String name) {
        return fields.get(name);
    }

    /** The file of that name, or null. */
    File file(String name) {
        return files.get(name);
    }
}
