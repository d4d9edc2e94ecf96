package cn.fupin.ledger.ops.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the public pages and the API's lists take to answer, as a client sees it, whatever the length of the
 * history: rounds of GETs of the county page, the page of its newest year, a township's and a village's page (without
 * logging in, as villagers read them), and the first page of 100 of each paged list (as staff); each timed, beside the
 * stylesheet, a fixed file of the same server. Every answer must be 200.
 */
final class PageAnswers {

    /** Rounds of requests: enough samples for a p99 of each group on a loaded machine within seconds. */
    static final int ROUNDS = 25;

    private static final Pattern YEAR_LINK = Pattern.compile("href=\"years/(\\d{4})\\.html\"");

    /** The latencies of the pages, of the lists, and of the stylesheet (the baseline). */
    record Measured(Latencies pages, Latencies lists, Latencies stylesheet) {
    }

    private PageAnswers() {
    }

    /** The lists the API pages, first page of 100 each. */
    static List<String> lists() {
        return List.of("/api/notices?size=100", "/api/disbursements?size=100", "/api/projects?size=100",
                "/api/funds/appropriations?size=100");
    }

    /**
     * The public pages to time: the county page, the page of the newest year it links to (if any), and the pages of
     * the given township and village.
     */
    static List<String> pages(HttpClient http, StaffRequests staff, String townshipCode, String villageCode)
            throws Exception {
        String county = send(http, staff.getAnonymously("/disclosure/")).body();
        Matcher year = YEAR_LINK.matcher(county);
        return year.find()
                ? List.of("/disclosure/", "/disclosure/years/" + year.group(1) + ".html", "/disclosure/" + townshipCode + "/",
                        "/disclosure/" + villageCode + "/")
                : List.of("/disclosure/", "/disclosure/" + townshipCode + "/", "/disclosure/" + villageCode + "/");
    }

    static Measured measure(HttpClient http, StaffRequests staff, List<String> pages, List<String> lists)
            throws Exception {
        Latencies pageTimes = new Latencies();
        Latencies listTimes = new Latencies();
        Latencies stylesheet = new Latencies();
        for (int round = 0; round < ROUNDS; round++) {
            for (String page : pages) {
                pageTimes.add(timed(http, staff.getAnonymously(page)));
            }
            for (String list : lists) {
                listTimes.add(timed(http, staff.get(list)));
            }
            stylesheet.add(timed(http, staff.getAnonymously("/disclosure/style.css")));
        }
        return new Measured(pageTimes, listTimes, stylesheet);
    }

    private static long timed(HttpClient http, HttpRequest request) throws Exception {
        long started = System.nanoTime();
        send(http, request);
        return System.nanoTime() - started;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri().getPath() + " answered " + answer.statusCode());
        }
        return answer;
    }
}
