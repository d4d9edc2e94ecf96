package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The accessibility basics every staff screen (and the public pages) is checked for in a real browser. */
public final class ScreenChecks {

    private ScreenChecks() {
    }

    /**
     * The basics a screen reader, a keyboard and weak eyes need: every visible field has a label naming it, the page
     * has one {@code h1} first and no heading level skipped, it has a language, it needs no sideways scrolling, and
     * every piece of text stands out from its background by at least WCAG AA's contrast of 4.5 : 1.
     */
    public static void assertAccessible(WebDriver browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) script.executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(field => !(field.id && document.querySelector('label[for="' + field.id + '"]'))
                                   && !field.getAttribute('aria-label'))
                  .map(field => field.name || field.outerHTML);""");
        assertThat(unlabelled).as("fields without a label at %s", browser.getCurrentUrl()).isEmpty();
        @SuppressWarnings("unchecked")
        List<Long> levels = (List<Long>) script.executeScript(
                "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName.substring(1)));");
        assertThat(levels).as("headings at %s", browser.getCurrentUrl()).isNotEmpty().startsWith(1L);
        assertThat(levels.stream().filter(level -> level == 1L)).hasSize(1);
        List<Long> steps = new ArrayList<>();
        for (int i = 1; i < levels.size(); i++) {
            steps.add(levels.get(i) - levels.get(i - 1));
        }
        assertThat(steps).as("no heading level skipped at %s", browser.getCurrentUrl()).allMatch(step -> step <= 1);
        assertThat(script.executeScript("return document.documentElement.lang;")).isEqualTo("zh-CN");
        assertThat(script.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
                .as("no sideways scrolling at %s", browser.getCurrentUrl()).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> faint = (List<String>) script.executeScript(CONTRAST);
        assertThat(faint).as("text below 4.5:1 contrast at %s", browser.getCurrentUrl()).isEmpty();
    }

    /** Every element with text of its own whose colour against its nearest opaque background is below 4.5 : 1. */
    private static final String CONTRAST = """
            const rgb = text => (text.match(/[\\d.]+/g) || []).map(Number);
            const luminance = ([r, g, b]) => {
              const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            };
            const background = element => {
              for (let e = element; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length >= 3 && (c.length < 4 || c[3] > 0)) return c;
              }
              return [255, 255, 255];
            };
            return [...document.querySelectorAll('body *')]
              .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
                           && e.getClientRects().length > 0)
              .filter(e => {
                const fg = luminance(rgb(getComputedStyle(e).color)), bg = luminance(background(e));
                return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) < 4.5;
              })
              .map(e => e.tagName + ': ' + e.textContent.trim().substring(0, 30));""";
}
