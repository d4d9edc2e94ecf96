package cn.fupin.ledger.ops.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which requests the cross-site check takes for another site's, request by request; the ledger here is
 * https://ledger.example.gov.cn, and https://staff.example.gov.cn is listed as allowed.
 */
class CrossSiteRequestFilterTest {

    final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(List.of("https://staff.example.gov.cn"),
            new ObjectMapper());

    static MockHttpServletRequest post(String origin, String site) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/funds/appropriations");
        request.setScheme("https");
        request.setServerName("ledger.example.gov.cn");
        request.setServerPort(443);
        if (!origin.isEmpty()) {
            request.addHeader("Origin", origin);
        }
        if (!site.isEmpty()) {
            request.addHeader("Sec-Fetch-Site", site);
        }
        return request;
    }

    @ParameterizedTest(name = "Origin [{0}], Sec-Fetch-Site [{1}] -> refused {2}")
    @CsvSource(delimiter = '|', value = {
            "                                   |             | false",
            "                                   | same-origin | false",
            "                                   | none        | false",
            "                                   | same-site   | true",
            "                                   | cross-site  | true",
            "                                   | bogus       | true",
            "https://ledger.example.gov.cn      |             | false",
            "https://ledger.example.gov.cn:443  | same-origin | false",
            "HTTPS://LEDGER.example.gov.cn      | SAME-ORIGIN | false",
            "https://ledger.example.gov.cn      | same-site   | false",
            "https://ledger.example.gov.cn      | cross-site  | true",
            "http://ledger.example.gov.cn       | same-origin | true",
            "https://ledger.example.gov.cn:8443 | same-origin | true",
            "https://ledger.example.gov.cn.evil.example | cross-site | true",
            "https://evil.example               |             | true",
            "https://evil.example               | same-origin | true",
            "https://intranet.example.gov.cn    | same-site   | true",
            "null                               | cross-site  | true",
            "null                               |             | true",
            "not an origin                      |             | true",
            "https://ledger.example.gov.cn/path |             | true",
            "https://staff.example.gov.cn       | cross-site  | false",
            "https://staff.example.gov.cn       | same-site   | false",
            "https://staff.example.gov.cn:444   | cross-site  | true"})
    void decides(String origin, String site, boolean refused) {
        assertThat(filter.fromAnotherSite(post(origin == null ? "" : origin, site == null ? "" : site)))
                .isEqualTo(refused);
    }

    @Test
    void readsAndThePublicObjectionsAreNotChecked() {
        MockHttpServletRequest read = post("https://evil.example", "cross-site");
        read.setMethod("GET");
        MockHttpServletRequest objection = post("https://evil.example", "cross-site");
        objection.setRequestURI("/disclosure/notices/NTC-1/objections");
        MockHttpServletRequest encodedApi = post("https://evil.example", "cross-site");
        encodedApi.setRequestURI("/%61pi/funds/appropriations");

        assertThat(filter.shouldNotFilter(read)).isTrue();
        assertThat(filter.shouldNotFilter(objection)).isTrue();
        assertThat(filter.shouldNotFilter(encodedApi)).isFalse();
        assertThat(filter.shouldNotFilter(post("", ""))).isFalse();
    }

    @Test
    void anAllowedOriginThatIsNotAnOriginStopsTheLedgerAtStartUp() {
        for (String bad : List.of("staff.example.gov.cn", "https://staff.example.gov.cn/app", "ftp://x.example", "*")) {
            assertThatThrownBy(() -> new CrossSiteRequestFilter(List.of(bad), new ObjectMapper()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
