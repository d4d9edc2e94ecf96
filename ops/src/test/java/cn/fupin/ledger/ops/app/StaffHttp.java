package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the staff screens over plain HTTP: a cookie jar, redirects not followed (so each answer is
 * seen as it is), forms posted with the CSRF token of the last page read. The staff screens' HTTP-level tests share
 * it.
 */
final class StaffHttp {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    String lastPage = "";

    StaffHttp(int port) {
        this.port = port;
    }

    /** A session logged in as {@code user} (password {@code demo}), landed on the desk. */
    static StaffHttp loggedIn(int port, String user) {
        StaffHttp browser = new StaffHttp(port);
        assertThat(location(browser.logIn(user, "demo"))).as("%s logs in", user).endsWith("/app/");
        return browser;
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).GET());
        lastPage = answer.body();
        return answer;
    }

    /** Posts the form fields with the CSRF token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, true);
    }

    /** Posts the form fields with the CSRF token of the last page read (unless {@code withCsrf} is false). */
    HttpResponse<String> post(String path, Map<String, String> fields, boolean withCsrf) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        if (withCsrf) {
            sent.put("_csrf", find(CSRF, lastPage));
        }
        String body = sent.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() == 200) {
            lastPage = answer.body();
        }
        return answer;
    }

    /** Sends a request built by the caller (a multipart upload, say) in this session. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> logIn(String user, String password) {
        get("/app/login");
        return post("/app/login", Map.of("username", user, "password", password), true);
    }

    /** The form key ({@code FormKeys}) of the last page read. */
    String formKey() {
        return find(KEY, lastPage);
    }

    /** The CSRF token of the last page read. */
    String csrf() {
        return find(CSRF, lastPage);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("the page holds %s", pattern).isTrue();
        return matcher.group(1).replace("&#45;", "-");
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }
}
