package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.shared.place.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What made a stored page: the SHA-256 of the renderers' class files (package {@code cn.fupin.ledger.disclosure.page}),
 * of the classes here that gather and render each page's data, and of the settings that change what a page shows (the
 * county, and the working calendar that counts how late an allocation notice was). A stored page carries it; after an
 * upgrade that changes how pages look, or a changed calendar, every stored page is rendered again before it is served,
 * without waiting for an event to touch it.
 */
@Component
public class RendererFingerprint {

    private static final List<String> CODE = List.of(
            "classpath*:cn/fupin/ledger/disclosure/page/*.class",
            "classpath*:cn/fupin/ledger/ops/disclosure/DisclosurePageAssembler*.class",
            "classpath*:cn/fupin/ledger/ops/disclosure/PageRenderer*.class");

    private final String value;

    public RendererFingerprint(Gazetteer gazetteer,
                               @Value("${ledger.disclosure.holidays:}") String holidays,
                               @Value("${ledger.disclosure.working-weekend-days:}") String workingWeekendDays) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<Resource> classes = new ArrayList<>();
            for (String pattern : CODE) {
                classes.addAll(List.of(resolver.getResources(pattern)));
            }
            classes.sort(Comparator.comparing(Resource::getFilename));
            if (classes.isEmpty()) {
                throw new IllegalStateException("the renderers' classes are not on the class path");
            }
            for (Resource resource : classes) {
                digest.update(resource.getFilename().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = resource.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            for (String setting : List.of(gazetteer.county().code(), holidays, workingWeekendDays)) {
                digest.update(("\n" + setting).getBytes(StandardCharsets.UTF_8));
            }
            this.value = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the renderers' classes", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** 64 hexadecimal digits. */
    public String value() {
        return value;
    }
}
