package cn.fupin.ledger.ops.bench;

import cn.fupin.ledger.disclosure.publisher.AutomaticNotices;
import cn.fupin.ledger.ops.consistency.ReadYourWrites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A start-up grant batch over HTTP as a clerk and an approver do it (issue 13, item 2: "a 1,000-grant batch ≤ 2 s"):
 * the households imported, a start-up grant project funded, proposed and approved, and its plan published (set-up, not
 * measured); then, each measured on its own, the clerk's batch of 3,000 yuan to every household (its answer), the
 * grant lists the ledger publishes for it by itself (one per village), the approver's approval once the lists'
 * publicity period has passed (事前公示: the demo clock is moved past it, as a person moves it), and the read models
 * showing every grant approved (a read with {@code consistentWith} the approval's position). Every step is checked:
 * a refusal or a read model missing a grant fails the run.
 */
final class GrantBatchLoad {

    /** The fund year of the harness's grant projects (2060–2099 are the harness's; the loads use 2060–2091, 2098, 2099). */
    static final int FISCAL_YEAR = 2097;
    /** A household's start-up grant: 3,000 yuan, the plan's minimum (每户3000元以上). */
    static final long GRANT_FEN = 300_000;
    /** The bound of one large request, and of each wait. */
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final long SECONDS_PER_DAY = 86_400;

    /** Waits until every processor of the ledger has caught up, so that a step measures itself, not a backlog. */
    interface CatchUp {
        void await() throws Exception;
    }

    /**
     * What one batch took, in seconds: the submit's answer; from it until every grant list was published; the
     * approval's answer; from it until the read models showed every grant approved.
     */
    record Timings(String batchId, String projectId, int households, int grantLists, double submitSeconds,
                   double listedSeconds, double approveSeconds, double visibleSeconds) {

        /** What the clerk and the approver wait for, the publicity period aside: submit, approve, read models. */
        double totalSeconds() {
            return submitSeconds + approveSeconds + visibleSeconds;
        }

        /** The figures, each beside the raw batch insert of as many rows; the target on the whole at 1,000 grants. */
        List<Figure> figures(double rawSeconds) {
            String name = "grant batch of " + households + ": ";
            String baseline = "raw batch insert of " + households + " rows, s";
            return List.of(
                    new Figure(name + "submit", submitSeconds, "s", rawSeconds, baseline, null, false),
                    new Figure(name + "grant lists published", listedSeconds, "s", null, null, null, false),
                    new Figure(name + "approve", approveSeconds, "s", rawSeconds, baseline, null, false),
                    new Figure(name + "approval to read models", visibleSeconds, "s", rawSeconds, baseline, null,
                            false),
                    new Figure(name + "submit+approve+read", totalSeconds(), "s", rawSeconds, baseline,
                            households == 1_000 ? 2.0 : null, false));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper;
    private final StaffRequests clerk;
    private final StaffRequests approver;
    private final String run;
    private final CatchUp catchUp;

    GrantBatchLoad(ObjectMapper mapper, StaffRequests clerk, StaffRequests approver, String run, CatchUp catchUp) {
        this.mapper = mapper;
        this.clerk = clerk;
        this.approver = approver;
        this.run = run;
        this.catchUp = catchUp;
    }

    /** Grants every household of {@code households} (new, all in one township) in one batch, and times it. */
    Timings run(RegisterFile.Households households) throws Exception {
        int count = households.cardNos().size();
        if (count < 1 || count > 1_000) {
            throw new IllegalArgumentException("a grant batch holds 1 to 1,000 households");
        }
        String projectId = fundedProject(households);
        List<String> notices = new ArrayList<>();
        notices.add(AutomaticNotices.planId(projectId).value());
        Instant periodEnds = awaitNotices(notices, System.nanoTime());
        catchUp.await();

        StringBuilder items = new StringBuilder();
        for (String cardNo : households.cardNos()) {
            items.append(items.isEmpty() ? "" : ",").append("{\"cardNo\":\"").append(cardNo)
                    .append("\",\"amountFen\":").append(GRANT_FEN).append('}');
        }
        long started = System.nanoTime();
        JsonNode submitted = send(clerk.post("/api/grants/batches", "{\"projectId\":\"" + projectId
                + "\",\"voucherNo\":\"BENCH-" + run + "-GB\",\"items\":[" + items + "]}", BOUND), 201);
        long answered = System.nanoTime();
        String batchId = submitted.path("batchId").asText();
        if (submitted.path("disbursementIds").size() != count) {
            throw new IllegalStateException("the batch recorded " + submitted.path("disbursementIds").size()
                    + " grants of " + count);
        }

        // 事前公示: the ledger lists the batch's grants village by village; they are paid after the lists' period.
        List<String> grantLists = new ArrayList<>();
        households.villageCodes().forEach(village -> grantLists.add(
                AutomaticNotices.grantListId(batchId, village).value()));
        Instant listsEnd = awaitNotices(grantLists, answered);
        double listedSeconds = (System.nanoTime() - answered) / 1e9;
        movePast(listsEnd.isAfter(periodEnds) ? listsEnd : periodEnds);
        catchUp.await();

        long approving = System.nanoTime();
        HttpResponse<String> approval = http.send(approver.post("/api/grants/batches/" + batchId + "/approve", "{}",
                BOUND), HttpResponse.BodyHandlers.ofString());
        long approved = System.nanoTime();
        JsonNode answer = checked(approval, 200);
        if (answer.path("approved").asInt() != count || answer.path("totalFen").asLong() != count * GRANT_FEN) {
            throw new IllegalStateException("the approval paid " + answer + ", not " + count + " grants");
        }
        String position = approval.headers().firstValue(ReadYourWrites.HEADER).orElseThrow(
                () -> new IllegalStateException("the approval's answer carries no " + ReadYourWrites.HEADER));
        awaitApprovedInReadModels(projectId, count, position, approved);
        return new Timings(batchId, projectId, count, grantLists.size(), (answered - started) / 1e9, listedSeconds,
                (approved - approving) / 1e9, (System.nanoTime() - approved) / 1e9);
    }

    /**
     * The set-up, not measured: the households imported (the clerk), money appropriated for their grants and a
     * start-up grant project of their township proposed (the clerk) and approved (the approver). Answers its id.
     */
    private String fundedProject(RegisterFile.Households households) throws Exception {
        JsonNode imported = send(clerk.postCsv("/api/households/imports", households.csv(), BOUND), 200);
        if (imported.path("imported").asInt() != households.cardNos().size()) {
            throw new IllegalStateException("the grant batch's households were not all imported: " + imported);
        }
        long budgetFen = Math.multiplyExact(GRANT_FEN, (long) households.cardNos().size());
        String fundId = send(clerk.post("/api/funds/appropriations", String.format(Locale.ROOT,
                "{\"fiscalYear\":%d,\"source\":\"INTEGRATED_AGRICULTURE\",\"amountFen\":%d,\"documentNo\":\"BENCH-%s-GB\","
                        + "\"note\":\"benchmark: start-up grants\"}", FISCAL_YEAR, budgetFen, run)), 201)
                .path("fundId").asText();
        String projectId = send(clerk.post("/api/projects", String.format(Locale.ROOT,
                "{\"name\":\"基准测试到户增收项目\",\"workArea\":\"INDUSTRY\",\"villageCode\":\"%s\","
                        + "\"beneficiary\":\"HOUSEHOLDS\",\"budget\":[{\"fundId\":\"%s\",\"amountFen\":%d}],"
                        + "\"implementer\":\"乡人民政府\",\"supervisor\":\"县扶贫和移民工作局\","
                        + "\"startDate\":\"%d-03-01\",\"endDate\":\"%d-12-31\",\"expectedHouseholds\":%d,"
                        + "\"expectedPeople\":%d,\"description\":\"贫困户增收项目启动资金每户3000元\","
                        + "\"benefitMechanism\":\"到户发展产业增收\",\"supervisionPhone\":\"0839-5222000\"}",
                households.villageCodes().first(), fundId, budgetFen, FISCAL_YEAR, FISCAL_YEAR,
                households.cardNos().size(), 3 * households.cardNos().size())), 201).path("projectId").asText();
        send(approver.post("/api/projects/" + projectId + "/approve", "{\"approvalDocNo\":\"BENCH-" + run + "-GB\"}"),
                200);
        return projectId;
    }

    /**
     * Waits until every notice is published (the publisher works in the background) and answers when the last of
     * their periods ends.
     */
    private Instant awaitNotices(List<String> noticeIds, long since) throws Exception {
        Instant periodEnds = Instant.MIN;
        for (String noticeId : noticeIds) {
            while (true) {
                HttpResponse<String> answer = http.send(clerk.get("/api/notices/" + noticeId),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    Instant ends = Instant.parse(mapper.readTree(answer.body()).path("periodEndsAt").asText());
                    periodEnds = ends.isAfter(periodEnds) ? ends : periodEnds;
                    break;
                }
                if (answer.statusCode() != 404) {
                    throw new IllegalStateException("GET /api/notices/" + noticeId + " answered " + answer.statusCode());
                }
                if (System.nanoTime() - since > BOUND.toNanos()) {
                    throw new IllegalStateException("notice " + noticeId + " was not published within " + BOUND);
                }
                Thread.sleep(20);
            }
        }
        return periodEnds;
    }

    /**
     * Moves the ledger's clock (the demo profile's; the approver may move it) past {@code periodEnds}, as a person
     * would after waiting the days: the harness does not wait ten days.
     */
    private void movePast(Instant periodEnds) throws Exception {
        HttpResponse<String> clock = http.send(clerk.get("/api/demo/clock"), HttpResponse.BodyHandlers.ofString());
        if (clock.statusCode() == 404) {
            throw new IllegalStateException("the grant batch is paid after its grant lists' period: the harness moves"
                    + " the demo profile's clock past it, and this ledger runs without the demo profile"
                    + " (or leave the batch out: --ledger.bench.grant-batch-size=0)");
        }
        Instant now = Instant.parse(checked(clock, 200).path("now").asText());
        if (!now.isAfter(periodEnds)) {
            long days = Duration.between(now, periodEnds).toSeconds() / SECONDS_PER_DAY + 1;
            send(approver.post("/api/demo/clock", "{\"advanceDays\":" + days + "}"), 200);
        }
    }

    /** Reads the project's approved grants with consistentWith the approval until the answer holds (503: again). */
    private void awaitApprovedInReadModels(String projectId, int count, String position, long since) throws Exception {
        String path = "/api/disbursements?project=" + projectId + "&status=APPROVED&size=1000&consistentWith="
                + position;
        while (true) {
            HttpResponse<String> answer = http.send(clerk.get(path), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                int shown = mapper.readTree(answer.body()).size();
                if (shown != count) {
                    throw new IllegalStateException("a read consistent with the approval showed " + shown
                            + " approved grants of " + count);
                }
                return;
            }
            if (answer.statusCode() != 503 || System.nanoTime() - since > BOUND.toNanos()) {
                throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    private JsonNode send(HttpRequest request, int expected) throws Exception {
        return checked(http.send(request, HttpResponse.BodyHandlers.ofString()), expected);
    }

    private JsonNode checked(HttpResponse<String> answer, int expected) throws Exception {
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(answer.request().method() + " " + answer.request().uri().getPath()
                    + " answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
        return mapper.readTree(answer.body());
    }
}
