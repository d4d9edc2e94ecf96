package cn.fupin.ledger.ops.app;

import static cn.fupin.ledger.ops.testing.Ledger.line;
import static cn.fupin.ledger.ops.testing.Ledger.project;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.ops.testing.Ledger;
import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The facts the auditor's screen tests look at, made once per test run through the API as the demo users would, in
 * fiscal year 2011 (this part's namespace): an appropriation with its own document number, a village road in 杜里社区
 * paid 5,000 yuan, a household of its own (an ID number born 1990 or later and a bank card 621799888…, which no other
 * test's households use) paid a 3,500-yuan grant, and an attempt by deputy to approve a project deputy proposed (a
 * four-eyes refusal, so the red flag SELF_DEALING_ATTEMPT holds).
 */
final class AuditScreensData {

    static final int YEAR = 2011;
    /** A village no other test designates or pays (so other tests counting its events or its money are not disturbed). */
    static final String VILLAGE = "510824100013";

    private static AuditScreensData made;

    final String documentNo;
    final String fundId;
    final String roadId;
    final String villagePayment;
    final String grantProjectId;
    final String grantPayment;
    final Households.Row household;

    private AuditScreensData(String documentNo, String fundId, String roadId, String villagePayment,
                             String grantProjectId, String grantPayment, Households.Row household) {
        this.documentNo = documentNo;
        this.fundId = fundId;
        this.roadId = roadId;
        this.villagePayment = villagePayment;
        this.grantProjectId = grantProjectId;
        this.grantPayment = grantPayment;
        this.household = household;
    }

    /** The facts, made on first use. */
    static synchronized AuditScreensData of(Api api) {
        if (made == null) {
            made = make(api);
        }
        return made;
    }

    private static AuditScreensData make(Api api) {
        Ledger ledger = new Ledger(api);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String documentNo = "苍财农〔2011〕审计-" + unique;
        String fundId = ledger.appropriate(YEAR, "CENTRAL", 100_000, documentNo);
        Api.Response poor = api.as("clerk").post("/api/places/villages/" + VILLAGE + "/poor-designations",
                "{\"year\": %d, \"documentNo\": \"测试〔%d〕审计\"}".formatted(YEAR, YEAR));
        assertThat(poor.status()).as(poor.toString()).isIn(201, 409);

        Households.Row household = household("S8A-" + unique);
        ledger.importHouseholds(household);

        String roadId = ledger.propose("clerk", project("审计村道" + unique, "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fundId, 20_000) + "]"));
        ledger.approve("approver", roadId);
        String grantProjectId = ledger.propose("clerk", project("审计到户" + unique, "INDUSTRY", VILLAGE,
                "HOUSEHOLDS", YEAR, "[" + line(fundId, 10_000) + "]"));
        ledger.approve("approver", grantProjectId);
        String villagePayment = ledger.requestDisbursement("clerk", roadId, "villageCode", VILLAGE, 5_000_00L,
                "苍扶贫付〔2011〕审计-" + unique + "-1");
        String grantPayment = ledger.requestDisbursement("clerk", grantProjectId, "cardNo", household.cardNo(),
                3_500_00L, "苍扶贫付〔2011〕审计-" + unique + "-2");
        ledger.afterPublicity(Ledger.planNotice(roadId), Ledger.planNotice(grantProjectId),
                Ledger.grantListNotice(grantPayment));
        for (String payment : new String[] {villagePayment, grantPayment}) {
            Api.Response approved = api.as("approver").post("/api/disbursements/" + payment + "/approve", "{}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        }

        String own = ledger.propose("deputy", project("审计自批" + unique, "ROADS", VILLAGE, "VILLAGE", YEAR,
                "[" + line(fundId, 1_000) + "]"));
        assertThat(api.as("deputy").post("/api/projects/" + own + "/approve",
                "{\"approvalDocNo\": \"苍扶贫〔2011〕自批\"}").status()).isEqualTo(409);
        return new AuditScreensData(documentNo, fundId, roadId, villagePayment, grantProjectId, grantPayment,
                household);
    }

    /** A household of 杜里社区 with numbers no other test's households have. */
    private static Households.Row household(String cardNo) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String born = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(9_000))
                .format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        String first17 = "510824" + born + "%03d".formatted(random.nextInt(1_000));
        String idNumber = first17 + IdNumber.checkCharacter(first17);
        String digits = "621799888" + "%09d".formatted(random.nextInt(1_000_000_000));
        String bankCard = null;
        for (int check = 0; check <= 9 && bankCard == null; check++) {
            if (BankCardNumber.luhnValid(digits + check)) {
                bankCard = digits + check;
            }
        }
        return new Households.Row(cardNo, "审计户" , idNumber, VILLAGE, "3", "false", bankCard);
    }
}
