package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.Site;
import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.PublicPagesCaughtUp;
import cn.fupin.ledger.shared.place.Gazetteer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static cn.fupin.ledger.ops.testing.Households.household;
import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole public site, after facts recorded through the API (fiscal year 2094, integrated agriculture funds;
 * households T-8000… in 龙柳村 (510824110205) and a road in the poor village 川桥村 (510824110207), both of 三川镇):
 * written as a static site, it holds exactly the bytes the live pages serve, except the objection part of a
 * notice's page (a static server cannot take an objection, and this ledger names no live site to post to); no byte
 * of it, nor of any {@code /disclosure/} answer, holds an ID number, a bank card number or a household head's full
 * name; and a head's name holding markup shows as text.
 */
@LedgerTest
class DisclosureSiteTest extends LedgerApiTest {

    static final int YEAR = 2094;
    static final String TOWNSHIP = "510824110";
    static final String VILLAGE = "510824110205";
    static final String POOR_VILLAGE = "510824110207";
    static final String SCRIPT_NAME = "<script>alert('户')</script>";
    static final String INDUSTRY = "龙柳村<b>脆红李</b>产业到户";
    static final String ROAD = "川桥村组道路硬化";

    /** The households of the test: a head whose name is markup, and heads with names no other test uses. */
    static final List<Households.Row> HOUSEHOLDS = List.of(
            household(8000).withVillageCode(VILLAGE).withHeadName(SCRIPT_NAME),
            household(8001).withVillageCode(VILLAGE).withHeadName("司马长风"),
            household(8002).withVillageCode(VILLAGE).withHeadName("欧阳晓燕"),
            household(8003).withVillageCode(VILLAGE).withHeadName("诸葛孔明"),
            household(8004).withVillageCode(VILLAGE).withHeadName("上官婉儿"),
            household(8005).withVillageCode(VILLAGE).withHeadName("慕容复兴"));

    static boolean recorded;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventStore eventStore;

    @Autowired
    DisclosureSiteWriter writer;

    @Autowired
    Gazetteer gazetteer;

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void recordFactsOnce() {
        if (recorded) {
            return;
        }
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "INTEGRATED_AGRICULTURE", 500_000, "三川测〔2094〕1号");
        ledger.importHouseholds(HOUSEHOLDS.toArray(Households.Row[]::new));
        ledger.designatePoor(POOR_VILLAGE, YEAR);
        String industry = ledger.propose("clerk", project(INDUSTRY, "INDUSTRY", VILLAGE, "HOUSEHOLDS", YEAR,
                "[" + line(fund, 100_000) + "]"));
        ledger.approve("approver", industry);
        Api.Response batch = api.as("clerk").post("/api/grants/batches", """
                {"projectId": "%s", "voucherNo": "三川测付〔2094〕1号", "items": [%s]}
                """.formatted(industry, String.join(",", IntStream.rangeClosed(8000, 8003)
                .mapToObj(n -> "{\"cardNo\": \"%s\", \"amountFen\": 300000}".formatted(Households.cardNo(n))).toList())));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        ledger.afterPublicity(Ledger.grantListNotice(batch.json().path("batchId").asText(), VILLAGE));
        Api.Response approved = api.as("approver").post("/api/grants/batches/" + batch.json().path("batchId").asText()
                + "/approve", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String road = ledger.propose("clerk", project(ROAD, "ROADS", POOR_VILLAGE, "VILLAGE", YEAR,
                "[" + line(fund, 200_000) + "]"));
        ledger.approve("approver", road);
        String payment = ledger.requestDisbursement("clerk", road, "villageCode", POOR_VILLAGE, 50_000_00L,
                "三川测付〔2094〕3号");
        ledger.afterPublicity(Ledger.planNotice(road));
        assertThat(api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}").status()).isEqualTo(200);
        // Asked for last, so its grant list is still in its period (open to objections) when the site is written.
        String late = ledger.requestDisbursement("clerk", industry, "cardNo", Households.cardNo(8004), 350_000L,
                "三川测付〔2094〕2号");
        ledger.awaitNotice(Ledger.grantListNotice(late));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode coverage = api.as("auditor").get("/api/grants/coverage?level=village&code=" + VILLAGE).json();
            assertThat(coverage.path("registered").asLong()).isEqualTo(6);
            assertThat(coverage.path("granted").asLong()).isEqualTo(4);
            assertThat(api.as("auditor").get("/api/disbursements?village=" + VILLAGE).json()).hasSize(5);
            assertThat(api.as("auditor").get("/api/projects/" + road).json().path("paidFen").asLong())
                    .isEqualTo(50_000_00L);
            assertThat(api.as("auditor").get("/api/places/townships").body()).contains("2094");
        });
        PublicPagesCaughtUp.awaitPages(progress, eventStore, jdbc);
        recorded = true;
    }

    /** A live answer: status, content type and body bytes. */
    record Live(int status, String contentType, byte[] body) {
    }

    Live fetch(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Live(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every file of the written site by its path from the site's root ('/' separated). */
    Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /**
     * The files whose every live address is fetched: the county, this test's places and the notices their pages link
     * to. (Each kind of address is answered by the same controller; the others are fetched at their address under
     * /disclosure/ alone.)
     */
    static Set<String> sampled(Map<String, byte[]> files) {
        Set<String> sampled = new TreeSet<>(Set.of(Site.COUNTY));
        Pattern notice = Pattern.compile("href=\"\\.\\./(" + Site.NOTICES + "/[^\"]+)\\.html\"");
        for (String place : List.of(TOWNSHIP, VILLAGE, POOR_VILLAGE)) {
            files.keySet().stream().filter(file -> file.startsWith(place + "/")).forEach(sampled::add);
            Matcher linked = notice.matcher(new String(files.getOrDefault(Site.place(place), new byte[0]),
                    StandardCharsets.UTF_8));
            while (linked.find()) {
                for (Site.NoticeFormat format : Site.NoticeFormat.values()) {
                    sampled.add(linked.group(1) + "." + format.extension());
                }
            }
        }
        return sampled;
    }

    /**
     * The live addresses of a file of the site: its address under /disclosure/ and, for a sampled file, the address
     * API.md names.
     */
    static List<String> liveAddresses(String file, Set<String> sampled) {
        List<String> addresses = new ArrayList<>();
        addresses.add("/disclosure/" + file);
        if (!sampled.contains(file)) {
            return addresses;
        }
        if (file.equals(Site.COUNTY)) {
            addresses.add("/disclosure/");
        } else if (file.endsWith("/index.html")) {
            addresses.add("/disclosure/" + file.substring(0, file.length() - "index.html".length()));
        } else if (file.startsWith(Site.NOTICES + "/") && file.endsWith(".html")) {
            addresses.add("/disclosure/" + file.substring(0, file.length() - ".html".length()));
        }
        return addresses;
    }

    /** The site written now, and the live answer to every address of each of its files. */
    record Snapshot(Map<String, byte[]> files, Set<String> sampled, Map<String, Live> live, Duration writing) {
    }

    Snapshot snapshot() throws IOException {
        DisclosureSiteWriter.Written written = writer.write(folder);
        Map<String, byte[]> files = files();
        Set<String> sampled = sampled(files);
        Map<String, Live> live = new LinkedHashMap<>();
        for (String file : files.keySet()) {
            for (String address : liveAddresses(file, sampled)) {
                live.put(address, fetch(address));
            }
        }
        return new Snapshot(files, sampled, live, written.took());
    }

    /** A notice page's objection part: the form live, where else to object in the static site. */
    static final Pattern OBJECTION_PART = Pattern.compile(
            "<section class=\"objection-form\" id=\"objection\">\n.*?</section>\n", Pattern.DOTALL);

    /** A page's bytes with a notice page's objection part left out, the one part the static site writes otherwise. */
    static byte[] withoutObjectionPart(String file, byte[] bytes) {
        if (!(file.startsWith(Site.NOTICES + "/") && file.endsWith(".html"))) {
            return bytes;
        }
        return OBJECTION_PART.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceFirst("")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What differs between the written files and their live answers, a notice page's objection part aside. */
    static List<String> differences(Snapshot snapshot) {
        List<String> differences = new ArrayList<>();
        snapshot.files().forEach((file, bytes) -> {
            for (String address : liveAddresses(file, snapshot.sampled())) {
                Live live = snapshot.live().get(address);
                if (live.status() != 200) {
                    differences.add(address + " answered " + live.status());
                } else if (!Arrays.equals(withoutObjectionPart(file, live.body()), withoutObjectionPart(file, bytes))) {
                    differences.add(address + " differs from " + file);
                }
            }
        });
        return differences;
    }

    /**
     * The snapshot the tests of this class share: writing and fetching every page of the site takes 10 to 25 s, and
     * the facts do not change between the tests.
     */
    static Snapshot agreed;

    /**
     * Writes the site and fetches it live until both agree (at most three times): facts that other test classes
     * recorded just before may still be reaching the read models while the site is written. A real difference stays
     * and fails the test.
     */
    Snapshot agreeingSnapshot() throws IOException, InterruptedException {
        if (agreed == null) {
            agreed = takeAgreeingSnapshot();
        }
        return agreed;
    }

    private Snapshot takeAgreeingSnapshot() throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Snapshot> last = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        try {
            // A snapshot writes and fetches every page (seconds on a busy machine): up to three of them.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                    .pollInterval(java.time.Duration.ofSeconds(2)).pollDelay(java.time.Duration.ZERO)
                    .until(() -> {
                        last.set(snapshot());
                        return differences(last.get()).isEmpty() || attempts.incrementAndGet() >= 3;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillDifferent) {
            // The last snapshot is returned as it is, and the test names its differences.
        }
        return last.get() != null ? last.get() : snapshot();
    }

    @Test
    void theStaticSiteHoldsTheSameBytesAsTheLivePages() throws Exception {
        Snapshot site = agreeingSnapshot();

        assertThat(differences(site)).isEmpty();
        int places = gazetteer.townships().size() + gazetteer.villageCount();
        assertThat(site.files().keySet().stream().filter(file -> file.matches("\\d{9}/index\\.html|\\d{12}/index\\.html")))
                .hasSize(places);
        assertThat(site.files()).containsKeys(Site.COUNTY, Site.STYLESHEET, Site.place(TOWNSHIP), Site.place(VILLAGE),
                Site.place(POOR_VILLAGE));
        assertThat(site.live().get("/disclosure/").contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        // every kind of address API.md names was fetched (for a sample of the files)
        assertThat(site.live().keySet()).contains("/disclosure/", "/disclosure/" + TOWNSHIP + "/",
                "/disclosure/" + VILLAGE + "/");
        assertThat(site.live().keySet()).anySatisfy(address -> assertThat(address)
                .startsWith("/disclosure/" + Site.NOTICES + "/").doesNotContain("."));
        // The objection part is the one that differs: live, an open notice's form posts back to the ledger; in the
        // static site, with no live address configured, there is no form but where else to object.
        List<String> noticePages = site.files().keySet().stream()
                .filter(file -> file.startsWith(Site.NOTICES + "/") && file.endsWith(".html")).toList();
        assertThat(noticePages).isNotEmpty();
        assertThat(noticePages).anySatisfy(file -> assertThat(new String(site.live().get("/disclosure/" + file).body(),
                StandardCharsets.UTF_8)).contains("<form method=\"post\" action=\"../notices/"));
        assertThat(noticePages).allSatisfy(file -> assertThat(new String(site.files().get(file), StandardCharsets.UTF_8))
                .containsPattern(OBJECTION_PART).doesNotContain("<form"));
        assertThat(noticePages).anySatisfy(file -> assertThat(new String(site.files().get(file), StandardCharsets.UTF_8))
                .contains("这是公告公示网站的离线副本，不能在此提交异议"));
        System.out.printf("disclosure site: %d files (%d places) written in %d ms%n", site.files().size(), places,
                site.writing().toMillis());
    }

    @Test
    void everyLinkOfTheStaticSiteLeadsToAFileOfTheSite() throws Exception {
        Map<String, byte[]> files = agreeingSnapshot().files();
        Pattern href = Pattern.compile("href=\"(?!tel:)([^\"#][^\"]*)\"");
        List<String> broken = new ArrayList<>();

        files.forEach((file, bytes) -> {
            if (file.endsWith(".html")) {
                Matcher link = href.matcher(new String(bytes, StandardCharsets.UTF_8));
                URI base = URI.create("https://site.example/" + file);
                while (link.find()) {
                    String target = base.resolve(link.group(1)).getPath().substring(1);
                    if (!files.containsKey(target)) {
                        broken.add(file + " -> " + link.group(1));
                    }
                }
            }
        });

        assertThat(broken).isEmpty();
        assertThat(files.size()).isGreaterThan(400);
    }

    @Test
    void noPublicByteHoldsAnIdNumberABankCardOrAHeadsFullName() throws Exception {
        Snapshot site = agreeingSnapshot();
        List<String> personal = new ArrayList<>();
        for (Households.Row row : HOUSEHOLDS) {
            personal.addAll(List.of(row.idNumber(), row.bankCard(), row.idNumberMasked(), row.bankCardMasked(),
                    row.headName()));
        }
        Map<String, byte[]> everything = new LinkedHashMap<>();
        site.files().forEach((file, bytes) -> everything.put("site file " + file, bytes));
        site.live().forEach((address, live) -> everything.put("GET " + address, live.body()));
        for (String missing : List.of("/disclosure/510824999/", "/disclosure/notices/N-0000-0000.csv",
                "/disclosure/" + VILLAGE, "/disclosure")) {
            everything.put("GET " + missing, fetch(missing).body());
        }

        List<String> findings = new ArrayList<>();
        everything.forEach((where, bytes) ->
                findings.addAll(PersonalDataScan.findings(where, new String(bytes, StandardCharsets.UTF_8), personal)));

        assertThat(findings).isEmpty();
        assertThat(everything).hasSizeGreaterThan(2 * gazetteer.villageCount());
        // The scan looked at the pages that hold the households: their grants are there, masked (on the village's
        // page those of the current year, on its pages by year every year's).
        String village = site.files().entrySet().stream()
                .filter(file -> file.getKey().startsWith(VILLAGE + "/"))
                .map(file -> new String(file.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining());
        assertThat(village).contains("<td>司**风</td>", "<td>欧**燕</td>", "<td>诸**明</td>", "<td>上**儿</td>");
    }

    @Test
    void aHeadsNameHoldingMarkupAndAProjectNameHoldingMarkupShowAsText() {
        Live village = fetch("/disclosure/" + VILLAGE + "/");
        String page = new String(village.body(), StandardCharsets.UTF_8);
        String maskedScript = "&lt;" + "*".repeat(SCRIPT_NAME.length() - 2) + "&gt;";
        // The grant shows on the village's page of the year it was requested in (the current year's on the village's
        // own page as well); each of the village's pages by year is linked from its page.
        Matcher year = Pattern.compile("href=\"\\.\\./(" + VILLAGE + "/\\d{4}\\.html)\"").matcher(page);
        List<String> years = new ArrayList<>();
        while (year.find()) {
            Live ofYear = fetch("/disclosure/" + year.group(1));
            assertThat(ofYear.status()).isEqualTo(200);
            years.add(new String(ofYear.body(), StandardCharsets.UTF_8));
        }

        assertThat(village.status()).isEqualTo(200);
        assertThat(years).isNotEmpty().allSatisfy(ofYear -> assertThat(ofYear).doesNotContain("<script", "<b>"));
        assertThat(String.join("", years))
                .contains("<td>" + maskedScript + "</td><td class=\"num\">3,000.00元</td><td>已发放</td>");
        assertThat(page).contains("<h3>龙柳村&lt;b&gt;脆红李&lt;/b&gt;产业到户</h3>")
                .doesNotContain("<script", "<b>");
        String county = new String(fetch("/disclosure/").body(), StandardCharsets.UTF_8);
        assertThat(county).contains("龙柳村&lt;b&gt;脆红李&lt;/b&gt;产业到户").doesNotContain("<b>");
    }

    @Test
    void thePoorVillageIsMarkedAndShowsThePaymentToIt() {
        String township = new String(fetch("/disclosure/" + TOWNSHIP + "/").body(), StandardCharsets.UTF_8);
        String village = new String(fetch("/disclosure/" + POOR_VILLAGE + "/").body(), StandardCharsets.UTF_8);

        assertThat(township).contains("<a href=\"../" + POOR_VILLAGE + "/index.html\">川桥村</a></td><td>贫困村（2094年）</td>");
        assertThat(village).contains("<h3>" + ROAD + "</h3>", "<td>" + ROAD + "</td><td class=\"num\">50,000.00元</td><td>已拨付</td>");
    }

    @Test
    void theTownshipListsEachProjectOnceWithWhatItPaidAndInHowManyPayments() {
        String township = new String(fetch("/disclosure/" + TOWNSHIP + "/").body(), StandardCharsets.UTF_8);

        // One row a project, never one a payment: the road paid once, the industry's four grants were paid (the fifth
        // still waits for its publicity).
        assertThat(township).containsPattern("<tr><td>" + ROAD + "</td>[^\n]*<td class=\"num\">50,000.00元</td>"
                + "<td class=\"num\">1笔</td><td>[^<]+</td></tr>");
        assertThat(township).containsPattern("<tr><td>龙柳村&lt;b&gt;脆红李&lt;/b&gt;产业到户</td>[^\n]*"
                + "<td class=\"num\">12,000.00元</td><td class=\"num\">4笔</td><td>[^<]+</td></tr>");
        assertThat(township.split(Pattern.quote("<td>" + ROAD + "</td>"), -1)).hasSize(2);
    }

    @Test
    void aVillagesPagesByYearAreLinkedFromItsPageAndHoldItsNoticesAndGrants() throws Exception {
        Snapshot site = agreeingSnapshot();
        List<String> yearPages = site.files().keySet().stream()
                .filter(file -> file.matches(VILLAGE + "/\\d{4}\\.html")).toList();
        String village = new String(site.files().get(Site.place(VILLAGE)), StandardCharsets.UTF_8);
        String years = yearPages.stream().map(file -> new String(site.files().get(file), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining());

        assertThat(yearPages).isNotEmpty();
        assertThat(yearPages).allSatisfy(file -> assertThat(village).contains("<a href=\"../" + file + "\">"));
        assertThat(years).contains("<td>司**风</td>", "<td>欧**燕</td>", "<td>诸**明</td>", "<td>上**儿</td>");
        Matcher listed = Pattern.compile("href=\"\\.\\./(notices/[^\"]+\\.html)\"").matcher(village);
        List<String> noticesOfVillage = new ArrayList<>();
        while (listed.find()) {
            noticesOfVillage.add(listed.group(1));
        }
        assertThat(noticesOfVillage).isNotEmpty()
                .allSatisfy(notice -> assertThat(years).contains("href=\"../" + notice + "\""));
        assertThat(fetch("/disclosure/" + VILLAGE + "/1999.html").status()).isEqualTo(404);
        assertThat(fetch("/disclosure/510824999999/" + yearPages.get(0).substring(VILLAGE.length() + 1)).status())
                .isEqualTo(404);
    }
}
