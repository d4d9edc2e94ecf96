package cn.fupin.ledger.ops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the two programs {@code ./test} installs
 * ({@code apt-get install chromium chromium-driver}). Both paths are given explicitly, so Selenium Manager is never
 * asked to find, let alone download, a browser or a driver (the machines have no internet); when either program is
 * missing the test fails (only a plain Maven run without {@code ./test}'s setting skips it first, loudly:
 * {@link BrowserInstalled}). Each browser has a fresh profile of its own in a temporary folder.
 *
 * <p>Two ways of looking at a page, as the public sees it: a phone (390 × 844 CSS pixels, as an iPhone 12–15 or a
 * mid-range Android), and the A4 print of the village notice board, through Chrome's print to PDF and through the
 * print media emulated at A4's width (794 CSS pixels at 96 per inch).
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** A phone's viewport in CSS pixels, and its device pixel ratio. */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    public static final double PHONE_PIXEL_RATIO = 2;

    /** A desk's screen in CSS pixels. */
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;

    /** An A4 sheet's width in CSS pixels (210 mm at 96 pixels per inch). */
    public static final int A4_WIDTH = 794;
    public static final int A4_HEIGHT = 1123;

    /** The longest page a screenshot captures, in CSS pixels: a screenshot is for a person to look at. */
    private static final int SCREENSHOT_HEIGHT_MAX = 6_000;

    /** The flags that work on these machines: headless, no sandbox (root in a container), nothing phoning home. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--lang=zh-CN");

    private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser with a fresh profile in {@code profile}, its viewport a phone's. */
    public static Chromium phone(Path profile) {
        assertThat(BROWSER).as("Debian's chromium (apt-get install chromium; ./test installs it)").isExecutable();
        assertThat(DRIVER).as("Debian's chromedriver (apt-get install chromium-driver; ./test installs it)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments("--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        Chromium chromium = new Chromium(new ChromeDriver(service, options));
        chromium.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        chromium.asPhone();
        return chromium;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The viewport of a phone, the screen media: how a villager's phone lays the page out. */
    public void asPhone() {
        metrics(PHONE_WIDTH, PHONE_HEIGHT, PHONE_PIXEL_RATIO, true);
        emulatedMedia("");
    }

    /** A desk's screen (1280 × 900 CSS pixels), the screen media: how a clerk at the bureau sees a staff screen. */
    public void asDesktop() {
        metrics(DESKTOP_WIDTH, DESKTOP_HEIGHT, 1, false);
        emulatedMedia("");
    }

    /** The print media at A4's width: how the page lays out on the notice board's sheet. */
    public void asA4Print() {
        metrics(A4_WIDTH, A4_HEIGHT, 1, false);
        emulatedMedia("print");
    }

    /** Emulates a media type for the CSS media queries; the empty string ends the emulation. */
    private void emulatedMedia(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    private void metrics(int width, int height, double pixelRatio, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", pixelRatio, "mobile", mobile));
    }

    /** The whole page (up to a limit) as the current emulation lays it out, saved as a PNG. */
    public Path screenshot(Path file) {
        Number width = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth;");
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight;");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width.intValue(),
                "height", Math.min(height.intValue(), SCREENSHOT_HEIGHT_MAX), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", clip));
        return write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * The page printed as the browser prints it, saved as a PDF: A4, the stylesheet's own 15 mm margins, the print
     * media. Any emulation is ended first, since an emulated viewport or media would print too; {@link #asPhone}
     * brings the phone back.
     */
    public Path printA4(Path file) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        emulatedMedia("");
        PrintOptions print = new PrintOptions();
        print.setPageSize(new PageSize(29.7, 21.0));
        print.setPageMargin(new PageMargin(0, 0, 0, 0));
        print.setBackground(true);
        Pdf pdf = driver.print(print);
        return write(file, Base64.getDecoder().decode(pdf.getContent()));
    }

    /** How many pages a PDF has: its page objects ({@code /Type /Page}, not {@code /Pages}). */
    public static int pdfPages(Path pdf) {
        try {
            Matcher page = PDF_PAGE.matcher(new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1));
            int pages = 0;
            while (page.find()) {
                pages++;
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
