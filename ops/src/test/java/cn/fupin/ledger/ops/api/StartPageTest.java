package cn.fupin.ledger.ops.api;

import cn.fupin.ledger.ops.testing.Api;
import cn.fupin.ledger.ops.testing.LedgerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What a newcomer opens first: the start page and the health check, without logging in. */
@LedgerTest
class StartPageTest {

    @LocalServerPort
    int port;

    @Test
    void theStartPageIsPublicAndSaysTheDemoDataIsInvented() {
        Api.Response page = new Api(port).anonymous().get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("扶贫资金账本", "演示数据", "/api/funds");
    }

    @Test
    void theHealthCheckIsPublic() {
        Api.Response health = new Api(port).anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }
}
