package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.disclosure.page.NoticeCsv;
import cn.fupin.ledger.disclosure.page.Pages;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeView;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A notice served in its three formats from a hand-made notice (the notice read model is built apart): the JSON is
 * exactly the canonical bytes that were hashed, the CSV those of the renderer, each with its type and charset.
 */
class DisclosureControllerTest {

    private final DisclosurePageAssembler assembler = mock(DisclosurePageAssembler.class);
    private final DisclosureController controller = new DisclosureController(
            new PublicPages(new PageRenderer(assembler), mock(PageStore.class), ""));
    private final NoticeView notice = Notices.grantList("N-2094-0102", null, null);

    @BeforeEach
    void aNoticeIsPublished() {
        when(assembler.gazetteer()).thenReturn(Notices.GAZETTEER);
        when(assembler.notice("N-2094-0102")).thenReturn(Optional.of(Notices.page(notice)));
        when(assembler.notice("N-2094-9999")).thenReturn(Optional.empty());
    }

    @Test
    void theJsonIsExactlyTheCanonicalBytesThatWereHashed() {
        ResponseEntity<byte[]> json = controller.notice("N-2094-0102.json");

        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat(json.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/json;charset=UTF-8"));
        assertThat(json.getBody()).isEqualTo(notice.contentBytes());
        assertThat(NoticeJson.sha256(json.getBody())).isEqualTo(notice.contentSha256());
    }

    @Test
    void theCsvIsTheRenderersBytesInUtf8ShownInline() {
        ResponseEntity<byte[]> csv = controller.notice("N-2094-0102.csv");

        assertThat(csv.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;")
                .contains("N-2094-0102.csv");
        assertThat(csv.getBody()).isEqualTo(NoticeCsv.render(notice.content(), notice.kindName(), notice.levelName()));
    }

    @Test
    void thePageIsServedWithAndWithoutItsHtmlSuffix() {
        ResponseEntity<byte[]> bare = controller.notice("N-2094-0102");
        ResponseEntity<byte[]> html = controller.notice("N-2094-0102.html");

        assertThat(bare.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
        assertThat(bare.getHeaders().getCacheControl()).isEqualTo("max-age=60, public");
        assertThat(bare.getBody()).isEqualTo(Pages.notice(Notices.page(notice))).isEqualTo(html.getBody());
    }

    @Test
    void anUnknownNoticeIsANotFoundPageInEveryFormat() {
        for (String file : new String[] {"N-2094-9999", "N-2094-9999.html", "N-2094-9999.json", "N-2094-9999.csv"}) {
            ResponseEntity<byte[]> missing = controller.notice(file);

            assertThat(missing.getStatusCode().value()).as(file).isEqualTo(404);
            assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
            assertThat(new String(missing.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("未找到页面");
        }
    }
}
