package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals racing for one fund that together exceed it (the MariaDB test; run with -Pmysql it is MariaDB,
 * while H2 serialises more and proves less): exactly as many approvals succeed as the fund can cover, every other
 * one is refused with FUND_OVERDRAWN and leaves nothing behind, and the fund's reservations add up to what the
 * approved projects reserved, never more than was appropriated. Fiscal year 2043.
 */
@LedgerTest
class ProjectApprovalConcurrencyTest extends LedgerApiTest {

    static final int YEAR = 2043;
    static final int PROJECTS = 16;
    static final int FITTING = 10;
    static final long PROJECT_YUAN = 1_000;

    @Test
    void racingApprovalsReserveExactlyWhatTheFundHoldsAndRefuseTheRestWithFundOverdrawn() throws Exception {
        Ledger ledger = new Ledger(api);
        String fund = ledger.appropriate(YEAR, "WORK_RELIEF", FITTING * PROJECT_YUAN, "苍发改〔2043〕1号");
        String other = ledger.appropriate(YEAR, "DONATION", PROJECTS * PROJECT_YUAN, "苍扶贫〔2043〕1号");
        String village = "510824105203";
        ledger.designatePoor(village, YEAR);
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            // Every project also bundles a line from a second fund, half of them listing it first, so approvals lock
            // two funds each in the same order whatever the budget's order (no deadlock) and all-or-none is tested
            // under contention: a refused approval must not keep its line from the second fund either.
            String budget = i % 2 == 0
                    ? "[" + line(fund, PROJECT_YUAN) + "," + line(other, 1) + "]"
                    : "[" + line(other, 1) + "," + line(fund, PROJECT_YUAN) + "]";
            projects.add(ledger.propose(i % 2 == 0 ? "clerk" : "clerk2",
                    project("村道" + i, "ROADS", village, "VILLAGE", YEAR, budget)));
        }
        long eventsBefore = events.count();

        ExecutorService pool = Executors.newFixedThreadPool(PROJECTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (String projectId : projects) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.as("approver").post("/api/projects/" + projectId + "/approve",
                            "{\"approvalDocNo\": \"苍扶贫〔2043〕8号\"}");
                }));
            }
            start.countDown();
            int approved = 0;
            int overdrawn = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(120, TimeUnit.SECONDS);
                if (response.status() == 200) {
                    approved++;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.code()).as(response.toString()).isEqualTo("FUND_OVERDRAWN");
                    overdrawn++;
                }
            }
            assertThat(approved).isEqualTo(FITTING);
            assertThat(overdrawn).isEqualTo(PROJECTS - FITTING);
        } finally {
            pool.shutdownNow();
        }

        // Each approval is three events (two reservations and the approval); refusals record nothing.
        assertThat(events.count() - eventsBefore).isEqualTo(FITTING * 3L);
        long reservedFen = events.of(fund, "FundsReservedEvent").stream()
                .mapToLong(e -> e.payload().path("amountFen").asLong()).sum();
        assertThat(reservedFen).isEqualTo(FITTING * PROJECT_YUAN * 100);
        assertThat(events.of(other, "FundsReservedEvent")).hasSize(FITTING);
        List<JsonNode> lastReservation = events.of(fund, "FundsReservedEvent").stream().map(e -> e.payload()).toList();
        assertThat(lastReservation.get(lastReservation.size() - 1).path("availableFen").asLong()).isZero();
        ledger.fundWhen(YEAR, fund, f -> f.path("reservedFen").asLong() == FITTING * PROJECT_YUAN * 100
                && f.path("availableFen").asLong() == 0);
        ledger.fundWhen(YEAR, other, f -> f.path("reservedFen").asLong() == FITTING * 100L
                && f.path("availableFen").asLong() == PROJECTS * PROJECT_YUAN * 100 - FITTING * 100L);
    }
}
