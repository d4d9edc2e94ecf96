package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger behind a reverse proxy, as docs/operations.md tells an operator to run it: with
 * {@code server.forward-headers-strategy=native}, the servlet container takes the client's address, scheme and host
 * from the {@code X-Forwarded-*} headers of a proxy at a trusted address (loopback here, as a proxy on the same
 * machine). Then the objections' limit counts per forwarded client address, the right-most one the proxy appended
 * (what a client wrote to the left of it is its own invention), and the ledger's own origin is the proxy's public
 * one. An origin listed in {@code ledger.http.allowed-origins} may post to {@code /api/} from its pages.
 * The same ledger without the setting (the default) counts the proxy's address instead:
 * ObjectionRateLimitApiTest shows that a forged header then makes no new address. Fiscal year 2080. A context of
 * its own, closed after the class (the ledger's clock is Axon's static event clock while a context runs).
 */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "ledger.http.allowed-origins=https://staff.example.gov.cn, https://ledger-backup.example.gov.cn:8443"})
class BehindReverseProxyApiTest extends LedgerApiTest {

    static final String PUBLIC_ORIGIN = "https://ledger.example.gov.cn";

    static String notice;
    static String item;

    @BeforeEach
    void aCountyNoticeOnce() {
        if (notice != null) {
            return;
        }
        Api.Response appropriated = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2080, "source": "COUNTY", "amountFen": 50000000, "documentNo": "苍财代〔2080〕1号"}
                """);
        assertThat(appropriated.status()).as(appropriated.toString()).isEqualTo(201);
        item = appropriated.json().path("appropriationId").asText();
        Api.Response published = api.as("clerk").post("/api/notices", """
                {"kind": "FUND_ALLOCATION", "level": "COUNTY", "placeCode": "510824", "placeName": "苍溪县",
                 "title": "2080年县级财政专项扶贫资金分配公告", "body": "公示期内如有异议，请向县扶贫办反映。",
                 "columns": ["文号", "金额（元）"], "rows": [{"item": "%s", "cells": ["苍财代〔2080〕1号", "500,000.00"]}],
                 "hotline": "12317"}
                """.formatted(item));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        notice = published.json().path("noticeId").asText();
    }

    /** Eight objections in a row through the proxy at {@code proxy}, each with the X-Forwarded-For it is given. */
    List<Integer> eightObjections(String proxy, java.util.function.IntFunction<String> forwardedFor) {
        FromAddress through = new FromAddress(port, proxy);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            statuses.add(through.send("POST", "/disclosure/notices/" + notice + "/objections",
                    Map.of("X-Forwarded-For", forwardedFor.apply(i)), "application/json",
                    "{\"item\": \"%s\", \"text\": \"异议%d\"}".formatted(item, i).getBytes(StandardCharsets.UTF_8))
                    .status());
        }
        return statuses;
    }

    @Test
    void theLimitCountsEachForwardedClientAddressAlone() {
        List<Integer> first = eightObjections("127.0.6.1", i -> "203.0.113.10");
        List<Integer> second = eightObjections("127.0.6.1", i -> "203.0.113.11");

        assertThat(first).as("one client behind the proxy").containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
        assertThat(second).as("another client through the same proxy counts alone")
                .containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
    }

    @Test
    void whatAClientWritesBeforeTheAddressTheProxyAppendedChangesNothing() {
        // The proxy appends the address it saw; the client's own X-Forwarded-For stays on the left of it.
        List<Integer> statuses = eightObjections("127.0.6.2", i -> "198.51.100." + i + ", 203.0.113.20");

        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
    }

    @Test
    void theProxysPublicOriginIsTheLedgersOwn() {
        Api.Response throughProxy = api.as("clerk").header("Origin", PUBLIC_ORIGIN).header("Sec-Fetch-Site", "same-origin")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "ledger.example.gov.cn")
                .post("/api/funds/appropriations", appropriation("代理〔2080〕1号"));
        Api.Response direct = api.as("clerk").header("Origin", PUBLIC_ORIGIN).header("Sec-Fetch-Site", "same-origin")
                .post("/api/funds/appropriations", appropriation("代理〔2080〕2号"));

        assertThat(throughProxy.status()).as(throughProxy.toString()).isEqualTo(201);
        assertThat(direct.status()).as("the same page reaching the ledger not through its public address: "
                + direct).isEqualTo(403);
        assertThat(direct.code()).isEqualTo("CROSS_SITE_REQUEST");
    }

    @Test
    void anOriginTheOperatorListedMayPostFromItsPages() {
        Api.Response listed = api.as("clerk").header("Origin", "https://staff.example.gov.cn")
                .header("Sec-Fetch-Site", "cross-site")
                .post("/api/funds/appropriations", appropriation("代理〔2080〕3号"));
        Api.Response listedWithPort = api.as("clerk").header("Origin", "HTTPS://Ledger-Backup.example.gov.cn:8443")
                .header("Sec-Fetch-Site", "same-site")
                .post("/api/funds/appropriations", appropriation("代理〔2080〕4号"));
        Api.Response notListed = api.as("clerk").header("Origin", "https://other.example.gov.cn")
                .header("Sec-Fetch-Site", "same-site")
                .post("/api/funds/appropriations", appropriation("代理〔2080〕5号"));

        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        assertThat(listedWithPort.status()).as(listedWithPort.toString()).isEqualTo(201);
        assertThat(notListed.status()).as(notListed.toString()).isEqualTo(403);
    }

    static String appropriation(String documentNo) {
        return """
                {"fiscalYear": 2080, "source": "COUNTY", "amountFen": 100000, "documentNo": "%s"}
                """.formatted(documentNo);
    }
}
