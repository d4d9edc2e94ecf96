package cn.fupin.ledger.ops.disclosure;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Every rendering of a public page is timed by kind, format and outcome, never by which page it was. */
class PageRenderMetricsTest {

    private final DisclosurePageAssembler assembler = mock(DisclosurePageAssembler.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PageRenderer renderer = new PageRenderer(assembler, registry);

    private long count(String kind, String format, String outcome) {
        Timer timer = registry.find(PageRenderer.RENDER_TIMER)
                .tags("kind", kind, "format", format, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aNoticeInEachFormatIsTimedAsRenderedAndAMissingOneAsAbsent() {
        when(assembler.notice("N-2094-0102")).thenReturn(Optional.of(Notices.page(Notices.grantList("N-2094-0102",
                null, null))));
        when(assembler.notice("N-2094-9999")).thenReturn(Optional.empty());

        assertThat(renderer.render("notices/N-2094-0102.html")).isPresent();
        assertThat(renderer.render("notices/N-2094-0102.csv")).isPresent();
        assertThat(renderer.render("notices/N-2094-0102.csv")).isPresent();
        assertThat(renderer.render("notices/N-2094-9999.json")).isEmpty();

        assertThat(count("notice", "html", "rendered")).isEqualTo(1);
        assertThat(count("notice", "csv", "rendered")).isEqualTo(2);
        assertThat(count("notice", "json", "absent")).isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("N-2094")));
    }

    @Test
    void aRenderingThatFailsIsTimedAsFailedAndTheFailureGoesOn() {
        when(assembler.village("510824100001")).thenThrow(new IllegalStateException("read model away"));

        assertThatThrownBy(() -> renderer.render("510824100001/index.html")).isInstanceOf(IllegalStateException.class);

        assertThat(count("village", "html", "failed")).isEqualTo(1);
        assertThat(count("village", "html", "rendered")).isZero();
    }
}
