package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limit on objections (5 a minute) over real HTTP, tried as an anonymous visitor would try to get
 * around it: the objections' address written every other way a server might still route — percent-encoded letters,
 * an encoded slash, double slashes, {@code ;jsessionid} and other path parameters, a trailing slash, capitals, dot
 * segments — each sent byte for byte on the request line (no client in between to normalise it), eight times in a row
 * from an address of its own. Whatever the ledger routes to an objection endpoint is counted: five are filed and the
 * rest refused 429; whatever it does not route files nothing. And a forged {@code X-Forwarded-For} does not make a
 * new address while the ledger is not told to trust it (server.forward-headers-strategy is not set here).
 * Objections come from loopback addresses 127.0.7.x; the notice is a county allocation notice of fiscal year 2082.
 */
@LedgerTest
class ObjectionRateLimitApiTest extends LedgerApiTest {

    static final int LIMIT = 5;
    static final int ATTEMPTS = 8;
    /** The answer of a path that Spring routes to an objection endpoint: five filed, then 429. */
    static final int ROUTED = 0;
    static final String FORM = "application/x-www-form-urlencoded";
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    static String notice;
    static String item;

    @BeforeEach
    void aCountyNoticeOnce() {
        if (notice != null) {
            return;
        }
        Api.Response appropriated = api.as("clerk").post("/api/funds/appropriations", """
                {"fiscalYear": 2082, "source": "COUNTY", "amountFen": 50000000, "documentNo": "苍财限〔2082〕1号"}
                """);
        assertThat(appropriated.status()).as(appropriated.toString()).isEqualTo(201);
        String appropriation = appropriated.json().path("appropriationId").asText();
        Api.Response published = api.as("clerk").post("/api/notices", """
                {"kind": "FUND_ALLOCATION", "level": "COUNTY", "placeCode": "510824", "placeName": "苍溪县",
                 "title": "2082年县级财政专项扶贫资金分配公告", "body": "公示期内如有异议，请向县扶贫办反映。",
                 "columns": ["文号", "金额（元）"], "rows": [{"item": "%s", "cells": ["苍财限〔2082〕1号", "500,000.00"]}],
                 "hotline": "12317"}
                """.formatted(appropriation));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        item = appropriation;
        notice = published.json().path("noticeId").asText();
    }

    static FromAddress somebody(int port) {
        return new FromAddress(port, "127.0.7." + ADDRESSES.incrementAndGet());
    }

    static byte[] json(String item, String text) {
        return "{\"item\": \"%s\", \"text\": \"%s\"}".formatted(item, text).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] form(String item, String text) {
        return ("item=" + URLEncoder.encode(item, StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    int filed() {
        return events.of(notice, "ObjectionFiledEvent").size();
    }

    /**
     * Every way of writing the address tried here, {@code {id}} standing for the notice id, and the answer the ledger
     * gives it: {@link #ROUTED} when Spring routes it to the objection endpoint (then the limit counts it), or the
     * status of the refusal of a path that reaches no objection endpoint and files nothing — 400 from the servlet
     * container or Spring Security's firewall (encoded slashes, path parameters, empty and dot segments), 401 or 403
     * from Spring Security for a path no public rule allows (403: the CSRF check, which the public paths skip).
     */
    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("/disclosure/notices/{id}/objections", ROUTED),
                Arguments.of("/disclosure/notices/{id}/%6Fbjections", ROUTED),
                Arguments.of("/disclosure/notices/{id}/%6f%62%6a%65%63%74%69%6f%6e%73", ROUTED),
                Arguments.of("/%64isclosure/%6Eotices/{id}/objections", ROUTED),
                Arguments.of("/disclosure/notices/{id}/objections?item=x", ROUTED),
                Arguments.of("/disclosure/notices/{id}/objections;jsessionid=0123456789ABCDEF", 400),
                Arguments.of("/disclosure/notices/{id};x=1/objections", 400),
                Arguments.of("/disclosure;x=1/notices/{id}/objections", 400),
                Arguments.of("/disclosure/notices/{id}%2Fobjections", 400),
                Arguments.of("/disclosure/notices%2F{id}/objections", 400),
                Arguments.of("/disclosure/notices/{id}//objections", 400),
                Arguments.of("//disclosure/notices/{id}/objections", 400),
                Arguments.of("/disclosure/./notices/{id}/objections", 400),
                Arguments.of("/disclosure/notices/../notices/{id}/objections", 400),
                Arguments.of("/disclosure/%2E/notices/{id}/objections", 400),
                Arguments.of("/disclosure/notices/{id}/objections/", 401),
                Arguments.of("/disclosure/notices/{id}/Objections", 401),
                Arguments.of("/DISCLOSURE/notices/{id}/objections", 403));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("addresses")
    void everyWayOfWritingTheObjectionsAddressIsEitherCountedOrFilesNothing(String address, int answer) {
        String path = address.replace("{id}", notice);
        FromAddress visitor = somebody(port);
        int before = filed();
        List<Integer> statuses = new ArrayList<>();
        List<FromAddress.Answer> answers = new ArrayList<>();
        for (int i = 1; i <= ATTEMPTS; i++) {
            FromAddress.Answer sent = visitor.send("POST", path, "application/json", json(item, "异议" + i));
            statuses.add(sent.status());
            answers.add(sent);
        }

        if (answer == ROUTED) {
            assertThat(statuses).as(path + " is routed to the objections and counted: " + answers)
                    .containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
            FromAddress.Answer refused = answers.get(LIMIT);
            assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("RATE_LIMITED");
            assertThat(Integer.parseInt(refused.headers().get("retry-after"))).isBetween(1, 60);
            assertThat(filed() - before).isEqualTo(LIMIT);
        } else {
            assertThat(statuses).as(path + " reaches no objection endpoint: " + answers).containsOnly(answer);
            assertThat(filed() - before).isZero();
        }
    }

    @Test
    void aFormPostedToAnEncodedAddressIsCountedAndTheSixthIsAnsweredWithTheRefusalPage() {
        String path = "/disclosure/notices/" + notice + "/%6Fbjections";
        FromAddress visitor = somebody(port);
        int before = filed();
        for (int i = 1; i <= LIMIT; i++) {
            FromAddress.Answer answer = visitor.send("POST", path, FORM, form(item, "表单异议" + i));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }

        FromAddress.Answer sixth = visitor.send("POST", path, FORM, form(item, "表单异议6"));

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.headers().get("content-type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(sixth.body()).startsWith("<!DOCTYPE html>").contains("从您所在的网络提交的异议太多，请约");
        assertThat(filed() - before).isEqualTo(LIMIT);
    }

    @Test
    void theJsonEndpointAndTheFormCountTogetherForOneAddress() {
        FromAddress visitor = somebody(port);
        String path = "/disclosure/notices/" + notice + "/objections";
        for (int i = 1; i <= 3; i++) {
            assertThat(visitor.send("POST", path, "application/json", json(item, "异议" + i)).status()).isEqualTo(201);
        }
        for (int i = 4; i <= LIMIT; i++) {
            assertThat(visitor.send("POST", path, FORM, form(item, "异议" + i)).status()).isEqualTo(200);
        }

        assertThat(visitor.send("POST", path, "application/json", json(item, "异议6")).status()).isEqualTo(429);
        assertThat(visitor.send("POST", path, FORM, form(item, "异议7")).status()).isEqualTo(429);
    }

    @Test
    void aForgedForwardedForHeaderDoesNotMakeANewAddressWhileTheLedgerIsNotToldToTrustIt() {
        FromAddress visitor = somebody(port);
        String path = "/disclosure/notices/" + notice + "/objections";
        int before = filed();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= ATTEMPTS; i++) {
            statuses.add(visitor.send("POST", path, Map.of("X-Forwarded-For", "198.51.100." + i, "Forwarded",
                    "for=198.51.100." + i), "application/json", json(item, "异议" + i)).status());
        }

        assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429, 429, 429);
        assertThat(filed() - before).isEqualTo(LIMIT);
    }
}
