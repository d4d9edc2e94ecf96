package cn.fupin.ledger.disclosure.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares rendered bytes with a golden file under {@code src/test/resources/golden/}. To accept a deliberate change
 * of the pages, regenerate the files and review the diff before committing:
 * <pre>./mvnw -B -o verify -pl disclosure-publisher -Dgolden.update=true</pre>
 * With {@code golden.update} set, each golden file is rewritten with the new bytes and the comparison is skipped;
 * without it, a missing golden file fails the test.
 */
final class GoldenFiles {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {
    }

    static void assertMatches(String name, byte[] actual) {
        Path file = DIRECTORY.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(DIRECTORY);
                Files.write(file, actual);
                return;
            }
            assertThat(file).as("golden file %s is missing; regenerate with -Dgolden.update=true", file).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            // Compared as text first for a readable diff, then as bytes (the BOM and line ends count too).
            assertThat(new String(actual, StandardCharsets.UTF_8))
                    .as("%s differs from its golden file; if the change is intended, regenerate with -Dgolden.update=true", name)
                    .isEqualTo(expected);
            assertThat(actual).isEqualTo(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
