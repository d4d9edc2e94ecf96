package cn.fupin.ledger.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers a refused form that a browser posted from a public page (an objection from a notice's page) with a page in
 * Chinese for the person who posted it, where programs get problem+json. What refuses a request before the
 * controller — the objections' rate limit ({@link ObjectionRateLimitInterceptor}) and the body limit — asks it
 * whenever {@link #isFormPost} holds.
 */
@FunctionalInterface
public interface FormRefusalPages {

    /** Whether a browser posted the request as a plain HTML form ({@code application/x-www-form-urlencoded}). */
    static boolean isFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * Writes the page for the refusal with the stable {@code code} and {@code status}; {@code retryAfterSeconds} says
     * when another try is taken (0 when that is not the matter).
     */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
               long retryAfterSeconds) throws IOException;
}
