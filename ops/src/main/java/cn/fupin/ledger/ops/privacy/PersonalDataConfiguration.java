package cn.fupin.ledger.ops.privacy;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts personal data in events. It comes from configuration: {@code ledger.personal-data.key}
 * (base64 of 32 bytes, e.g. from an environment variable or a secret store) or {@code ledger.personal-data.key-file}.
 * Only the demo profile may generate the file when it is missing. Without a key the ledger does not start.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${ledger.personal-data.key:}") String key,
                                          @Value("${ledger.personal-data.key-file:}") String keyFile,
                                          @Value("${ledger.personal-data.generate-key-file:false}") boolean generate) {
        if (!key.isBlank()) {
            return PersonalDataCipher.fromBase64(key);
        }
        if (keyFile.isBlank()) {
            throw new IllegalStateException("no personal-data key: set ledger.personal-data.key or ledger.personal-data.key-file");
        }
        Path path = Path.of(keyFile);
        try {
            if (Files.notExists(path)) {
                if (!generate) {
                    throw new IllegalStateException("the personal-data key file does not exist: " + path.toAbsolutePath());
                }
                writeNewKey(path);
                log.warn("generated a new personal-data key at {} (demo profile); keep it with the data", path.toAbsolutePath());
            }
            return PersonalDataCipher.fromBase64(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNewKey(Path path) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } else {
            log.info("the file system does not take POSIX permissions; protect {} by other means", path);
        }
    }
}
