package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.LedgerApiTest;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.fupin.ledger.ops.testing.Households.csv;
import static cn.fupin.ledger.ops.testing.Households.household;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a browser sends on behalf of another site's page. A browser resends the HTTP Basic credentials it holds
 * for the ledger with any request to it, so a page elsewhere could make a logged-in clerk's browser post to
 * {@code /api/}: a plain HTML form can send {@code text/plain}, {@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data} without asking first. The register import takes only {@code text/csv} (which a form
 * cannot send), and every state-changing request under {@code /api/} whose {@code Origin} names another site, or
 * whose {@code Sec-Fetch-Site} says it comes from another site, is refused 403 {@code CROSS_SITE_REQUEST} before it
 * is authenticated, recording nothing. Scripts and curl (no Origin, no Sec-Fetch-Site) and the ledger's own pages go
 * on. The public objection under {@code /disclosure/} carries no credentials and must take posts from the static
 * site wherever it is served, so it takes them from anywhere. Households 9600-9609, fiscal year 2084.
 */
@LedgerTest
class CrossSiteRequestApiTest extends LedgerApiTest {

    static final String APPROPRIATIONS = "/api/funds/appropriations";
    static final String EVIL = "http://evil.example";

    static String appropriation(String documentNo) {
        return """
                {"fiscalYear": 2084, "source": "COUNTY", "amountFen": 100000, "documentNo": "%s"}
                """.formatted(documentNo);
    }

    /** The ledger's own origin as the test client addresses it. */
    String ownOrigin() {
        return "http://localhost:" + port;
    }

    static void assertCrossSiteRefusal(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("CROSS_SITE_REQUEST");
        assertThat(response.body()).doesNotContain("evil");
    }

    @Nested
    class TheRegisterImportTakesOnlyCsv {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"text/plain | 9604", "text/plain; charset=UTF-8 | 9605",
                "application/x-www-form-urlencoded | 9606", "multipart/form-data; boundary=x | 9607",
                "application/json | 9608", "application/octet-stream | 9609"})
        void aRegisterOfAnyOtherContentTypeIsRefused415AndNothingIsRecorded(String contentType, int household) {
            long before = events.count();

            Api.Response refused = api.as("clerk").post("/api/households/imports", contentType,
                    csv(household(household)).getBytes(StandardCharsets.UTF_8));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(events.count()).isEqualTo(before);
            assertThat(events.of("T-" + household)).isEmpty();
        }

        @Test
        void aRegisterInACharsetTheLedgerDoesNotKnowIsRefused415() {
            long before = events.count();

            Api.Response refused = api.as("clerk").post("/api/households/imports", "text/csv; charset=X-NO-SUCH",
                    csv(household(9602)).getBytes(StandardCharsets.UTF_8));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
            assertThat(refused.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(events.count()).isEqualTo(before);
        }
    }

    @Nested
    class StateChangingRequestsFromAnotherSite {

        long before;

        @BeforeEach
        void countEvents() {
            before = events.count();
        }

        @Test
        void anAppropriationPostedFromAnotherSitesPageIsRefusedAndNothingIsRecorded() {
            Api.Response refused = api.as("clerk").header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site")
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕1号"));

            assertCrossSiteRefusal(refused);
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void anOriginOfAnotherSiteAloneIsEnough() {
            assertCrossSiteRefusal(api.as("clerk").header("Origin", EVIL)
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕2号")));
            assertCrossSiteRefusal(api.as("clerk").header("Origin", "http://localhost:" + (port + 1))
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕3号")));
            assertCrossSiteRefusal(api.as("clerk").header("Origin", "https://localhost:" + port)
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕4号")));
            assertCrossSiteRefusal(api.as("clerk").header("Origin", "null")
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕5号")));
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aBrowserSayingCrossSiteAloneIsEnough() {
            assertCrossSiteRefusal(api.as("clerk").header("Sec-Fetch-Site", "cross-site")
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕6号")));
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aPageOfAnotherOriginOfTheSameSiteIsRefusedToo() {
            // Sec-Fetch-Site: same-site is a sibling host of the same registrable domain, e.g. another county
            // office's server: not the ledger, so refused unless its origin is configured as allowed.
            assertCrossSiteRefusal(api.as("clerk").header("Origin", "http://intranet.localhost:" + port)
                    .header("Sec-Fetch-Site", "same-site").post(APPROPRIATIONS, appropriation("跨站〔2084〕7号")));
            assertCrossSiteRefusal(api.as("clerk").header("Sec-Fetch-Site", "same-site")
                    .post(APPROPRIATIONS, appropriation("跨站〔2084〕8号")));
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void aRegisterPostedFromAnotherSiteIsRefusedEvenAsCsv() {
            Api.Response refused = api.as("clerk").header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site")
                    .post("/api/households/imports", "text/csv", csv(household(9603)).getBytes(StandardCharsets.UTF_8));

            assertCrossSiteRefusal(refused);
            assertThat(events.of("T-9603")).isEmpty();
            assertThat(events.count()).isEqualTo(before);
        }

        @Test
        void everyStateChangingMethodIsRefusedBeforeAuthentication() {
            FromAddress browser = new FromAddress(port, "127.0.0.1");
            Map<String, String> crossSite = Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site",
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "clerk:wrong".getBytes(StandardCharsets.UTF_8)));
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                FromAddress.Answer refused = browser.send(method, APPROPRIATIONS, crossSite, "application/json",
                        appropriation("跨站〔2084〕9号").getBytes(StandardCharsets.UTF_8));

                assertThat(refused.status()).as(method + " " + refused).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("CROSS_SITE_REQUEST");
            }
            FromAddress.Answer encoded = browser.send("POST", "/%61pi/funds/appropriations", crossSite,
                    "application/json", appropriation("跨站〔2084〕10号").getBytes(StandardCharsets.UTF_8));
            assertThat(encoded.status()).as(encoded.toString()).isEqualTo(403);
            assertThat(encoded.code()).isEqualTo("CROSS_SITE_REQUEST");
            assertThat(events.count()).isEqualTo(before);
        }
    }

    @Nested
    class WhatGoesOn {

        @Test
        void aScriptOrCurlWithoutOriginOrFetchMetadataIsServed() {
            Api.Response recorded = api.as("clerk").post(APPROPRIATIONS, appropriation("同站〔2084〕1号"));

            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        }

        @Test
        void theLedgersOwnOriginIsServed() {
            Api.Response recorded = api.as("clerk").header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                    .post(APPROPRIATIONS, appropriation("同站〔2084〕2号"));
            Api.Response typedIn = api.as("clerk").header("Sec-Fetch-Site", "none")
                    .post(APPROPRIATIONS, appropriation("同站〔2084〕3号"));

            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            assertThat(typedIn.status()).as(typedIn.toString()).isEqualTo(201);
        }

        @Test
        void readingFromAnotherSiteIsNotRefused() {
            // A GET changes nothing, and without CORS the other site's page cannot read the answer.
            Api.Response funds = api.as("clerk").header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site")
                    .get("/api/funds?fiscalYear=2084");

            assertThat(funds.status()).as(funds.toString()).isEqualTo(200);
        }

        @Test
        void anObjectionFromTheStaticSiteOrAnOfflineCopyIsTakenAndCarriesNoCredentials() {
            String noticeId = aCountyNotice();
            String path = "/disclosure/notices/" + noticeId + "/objections";
            Map<String, String> fromStaticSite = Map.of("Origin", "https://gongshi.example.gov.cn",
                    "Sec-Fetch-Site", "cross-site",
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "clerk:demo".getBytes(StandardCharsets.UTF_8)));
            FromAddress villager = new FromAddress(port, "127.0.5.1");

            FromAddress.Answer json = villager.send("POST", path, fromStaticSite, "application/json",
                    "{\"item\": \"%s\", \"text\": \"静态网站提交的异议\"}".formatted(item).getBytes(StandardCharsets.UTF_8));
            FromAddress.Answer form = villager.send("POST", path, Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"),
                    "application/x-www-form-urlencoded", ("item=" + item + "&text=%E7%A6%BB%E7%BA%BF")
                            .getBytes(StandardCharsets.US_ASCII));

            assertThat(json.status()).as(json.toString()).isEqualTo(201);
            assertThat(form.status()).as(form.toString()).isEqualTo(200);
            List<StoredEvents.StoredEvent> filed = events.of(noticeId, "ObjectionFiledEvent");
            assertThat(filed).hasSize(2).allSatisfy(event -> {
                assertThat(event.meta("actor")).as("the clerk's credentials are not used").isEqualTo("public");
                assertThat(event.meta("role")).isEqualTo("PUBLIC");
            });
        }
    }

    static String item;

    /** A county notice listing an appropriation of 2084, published by the clerk; returns its id. */
    String aCountyNotice() {
        Api.Response appropriated = api.as("clerk").post(APPROPRIATIONS, appropriation("异议〔2084〕1号"));
        assertThat(appropriated.status()).as(appropriated.toString()).isEqualTo(201);
        item = appropriated.json().path("appropriationId").asText();
        Api.Response published = api.as("clerk").post("/api/notices", """
                {"kind": "FUND_ALLOCATION", "level": "COUNTY", "placeCode": "510824", "placeName": "苍溪县",
                 "title": "2084年县级财政专项扶贫资金分配公告", "body": "公示期内如有异议，请向县扶贫办反映。",
                 "columns": ["文号", "金额（元）"], "rows": [{"item": "%s", "cells": ["异议〔2084〕1号", "1,000.00"]}],
                 "hotline": "12317"}
                """.formatted(item));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return published.json().path("noticeId").asText();
    }
}
