package cn.fupin.ledger.ops.security;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.FromAddress;
import cn.fupin.ledger.ops.testing.LedgerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins over HTTP Basic against the running ledger: a password checked once is not hashed again for a while, and
 * failed logins lock the user name or the address. A context of its own (the only one for logins): users of its own
 * with bcrypt passwords, a password encoder that counts its checks, a login clock the test moves, and a lockout after 3
 * failures per name and 6 per address. Each test uses user names and loopback addresses (127.0.0.x) of its own, so the
 * tests' failures never add up.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.demo.load-data=false",
        "ledger.personal-data.key=" + LedgerTest.PERSONAL_DATA_KEY,
        "logging.level.org.axonframework=warn",
        "ledger.audit.reconciliation-interval=36500d",
        "ledger.security.verified-credentials-ttl=5m",
        "ledger.security.lockout.failures=3",
        "ledger.security.lockout.window=15m",
        "ledger.security.lockout.duration=15m",
        "ledger.security.lockout.address-failures=6"})
@ActiveProfiles("demo")
@Import(LoginApiTest.Counting.class)
class LoginApiTest {

    static final String PASSWORD = "correct horse battery";
    static final String PATH = "/api/work-areas";
    static final Instant START = Instant.parse("2035-03-01T08:00:00Z");
    static final List<String> USERS = List.of("remembered", "mistaken", "expiring", "guessed", "waiting", "neighbour",
            "bystander", "sprayed", "elsewhere", "unseen", "raced", "elsewhere-later", "watched");

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        // Strength 4: a real bcrypt check, only quicker than the default 10.
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (int i = 0; i < USERS.size(); i++) {
            int index = i;
            registry.add("ledger.security.users[" + i + "].username", () -> USERS.get(index));
            registry.add("ledger.security.users[" + i + "].password", () -> hash);
            registry.add("ledger.security.users[" + i + "].roles[0]", () -> "CLERK");
        }
        registry.add("ledger.security.users[" + USERS.size() + "].username", () -> "inspector");
        registry.add("ledger.security.users[" + USERS.size() + "].password", () -> hash);
        registry.add("ledger.security.users[" + USERS.size() + "].roles[0]", () -> "AUDITOR");
    }

    @TestConfiguration
    static class Counting {

        /** Not a bean of its own: it would be a second Clock beside the ledger's. */
        @Bean
        @Primary
        LoginClock testLoginClock() {
            return new LoginClock(CLOCK);
        }

        @Bean
        @Primary
        CountingEncoder countingEncoder() {
            return new CountingEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        }
    }

    /** The application's password encoder, counting how often it checks a password. */
    static final class CountingEncoder implements PasswordEncoder {

        final AtomicInteger checks = new AtomicInteger();
        private final PasswordEncoder encoder;

        CountingEncoder(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CountingEncoder encoder;

    /** The login clock of this class's context, which the tests move. */
    static final SettableClock CLOCK = new SettableClock(START);

    final SettableClock clock = CLOCK;

    @Autowired
    JdbcTemplate jdbc;

    FromAddress.Answer get(String address, String user, String password) {
        return get(address, user, password, PATH);
    }

    FromAddress.Answer get(String address, String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new FromAddress(port, address).send("GET", path, Map.of("Authorization", "Basic " + basic),
                "application/json", new byte[0]);
    }

    /** The password checks {@code request} made. */
    int checksBy(Runnable request) {
        int before = encoder.checks.get();
        request.run();
        return encoder.checks.get() - before;
    }

    @Nested
    class RememberedPasswords {

        @Test
        void theSecondRequestWithTheSamePasswordIsNotHashedAgain() {
            assertThat(checksBy(() -> assertThat(get("127.0.0.11", "remembered", PASSWORD).status()).isEqualTo(200)))
                    .isEqualTo(1);
            assertThat(checksBy(() -> assertThat(get("127.0.0.11", "remembered", PASSWORD).status()).isEqualTo(200)))
                    .isZero();
            assertThat(checksBy(() -> assertThat(get("127.0.0.12", "Remembered", PASSWORD).status()).isEqualTo(200)))
                    .isZero();
        }

        @Test
        void aWrongPasswordAfterARememberedOneIsRefusedAndChecked() {
            assertThat(get("127.0.0.13", "mistaken", PASSWORD).status()).isEqualTo(200);

            FromAddress.Answer[] wrong = new FromAddress.Answer[1];
            assertThat(checksBy(() -> wrong[0] = get("127.0.0.13", "mistaken", PASSWORD + "!"))).isEqualTo(1);
            assertThat(wrong[0].status()).isEqualTo(401);
            assertThat(wrong[0].code()).isEqualTo("UNAUTHENTICATED");
            assertThat(wrong[0].body()).doesNotContain(PASSWORD);
            assertThat(get("127.0.0.13", "mistaken", "").status()).isEqualTo(401);
        }

        @Test
        void afterItsTimeToLiveThePasswordIsCheckedAgain() {
            assertThat(get("127.0.0.14", "expiring", PASSWORD).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(4));
            assertThat(checksBy(() -> assertThat(get("127.0.0.14", "expiring", PASSWORD).status()).isEqualTo(200)))
                    .isZero();

            clock.advance(Duration.ofMinutes(1));

            assertThat(checksBy(() -> assertThat(get("127.0.0.14", "expiring", PASSWORD).status()).isEqualTo(200)))
                    .isEqualTo(1);
        }
    }

    @Nested
    class Lockout {

        @Test
        void threeFailuresLockTheNameAndThenEvenTheRightPasswordIsRefusedUnchecked() {
            // remembered first: the lock must hold against a remembered password too
            assertThat(get("127.0.0.21", "guessed", PASSWORD).status()).isEqualTo(200);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(get("127.0.0.21", "guessed", "guess-" + attempt).code()).isEqualTo("UNAUTHENTICATED");
            }

            FromAddress.Answer[] refused = new FromAddress.Answer[2];
            assertThat(checksBy(() -> {
                refused[0] = get("127.0.0.21", "guessed", PASSWORD);
                refused[1] = get("127.0.0.22", "GUESSED", PASSWORD);
            })).isZero();

            for (FromAddress.Answer answer : refused) {
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
                assertThat(answer.code()).isEqualTo("ACCOUNT_LOCKED");
                assertThat(Long.parseLong(answer.headers().get("retry-after"))).isBetween(1L, 15 * 60L);
                assertThat(answer.headers().get("www-authenticate")).startsWith("Basic");
            }
            assertThat(jdbc.queryForObject("SELECT failures FROM login_failures WHERE subject = 'guessed'"
                    + " AND subject_kind = 'USERNAME'", Integer.class)).isEqualTo(3);
        }

        @Test
        void theLockEndsAfterItsPeriod() {
            for (int attempt = 0; attempt < 3; attempt++) {
                get("127.0.0.23", "waiting", "guess-" + attempt);
            }
            clock.advance(Duration.ofMinutes(14));
            assertThat(get("127.0.0.23", "waiting", PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");

            clock.advance(Duration.ofMinutes(1));

            assertThat(get("127.0.0.23", "waiting", PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void failuresForOneNameDoNotLockAnother() {
            for (int attempt = 0; attempt < 3; attempt++) {
                get("127.0.0.24", "neighbour", "guess-" + attempt);
            }

            assertThat(get("127.0.0.24", "neighbour", PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(get("127.0.0.24", "bystander", PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void oneAddressCannotTryAPasswordOnManyNames() {
            for (int name = 0; name < 6; name++) {
                assertThat(get("127.0.0.31", "made-up-" + name, PASSWORD).code()).isEqualTo("UNAUTHENTICATED");
            }

            FromAddress.Answer locked = get("127.0.0.31", "sprayed", PASSWORD);
            assertThat(locked.status()).isEqualTo(401);
            assertThat(locked.code()).isEqualTo("ADDRESS_LOCKED");
            assertThat(locked.headers().get("retry-after")).isNotNull();
            assertThat(get("127.0.0.32", "sprayed", PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void failuresAtTheSameMomentAreEachCounted() throws Exception {
            // As from several nodes at once: the first failures of a name race to insert its row.
            List<Thread> guessers = new java.util.ArrayList<>();
            for (int attempt = 0; attempt < 3; attempt++) {
                String guess = "guess-" + attempt;
                String address = "127.0.0.4" + attempt;
                guessers.add(new Thread(() -> get(address, "raced", guess)));
            }
            guessers.forEach(Thread::start);
            for (Thread guesser : guessers) {
                guesser.join(60_000);
            }

            assertThat(get("127.0.0.43", "raced", PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        }

        @Test
        void aLockAnotherNodeRecordedIsHonoured() {
            Instant now = clock.instant();
            jdbc.update("INSERT INTO login_failures (subject_key, subject_kind, subject, failures, window_started_at,"
                            + " locked_until, last_failed_at) VALUES (?, 'USERNAME', 'elsewhere', 3, ?, ?, ?)",
                    LoginFailures.key(LoginFailures.Kind.USERNAME, "elsewhere"), utc(now), utc(now.plusSeconds(600)),
                    utc(now));

            assertThat(get("127.0.0.25", "elsewhere", PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        }

        @Test
        void aLockAnotherNodeRecordsLaterIsHonouredHereAfterAMoment() {
            assertThat(get("127.0.0.28", "elsewhere-later", PASSWORD).status()).isEqualTo(200);
            Instant now = clock.instant();
            jdbc.update("INSERT INTO login_failures (subject_key, subject_kind, subject, failures, window_started_at,"
                            + " locked_until, last_failed_at) VALUES (?, 'USERNAME', 'elsewhere-later', 3, ?, ?, ?)",
                    LoginFailures.key(LoginFailures.Kind.USERNAME, "elsewhere-later"), utc(now),
                    utc(now.plusSeconds(600)), utc(now));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get("127.0.0.28", "elsewhere-later", PASSWORD).code().equals("ACCOUNT_LOCKED"));
        }

        @Test
        void auditorsSeeTheNamesAndAddressesCountingAndLocked() {
            for (int attempt = 0; attempt < 3; attempt++) {
                get("127.0.0.29", "watched", "guess-" + attempt);
            }

            FromAddress.Answer list = get("127.0.0.30", "inspector", PASSWORD, "/api/audit/login-failures");
            assertThat(list.status()).isEqualTo(200);
            com.fasterxml.jackson.databind.JsonNode watched = null;
            com.fasterxml.jackson.databind.JsonNode address = null;
            for (com.fasterxml.jackson.databind.JsonNode row : list.json()) {
                if (row.path("subject").asText().equals("watched")) {
                    watched = row;
                }
                if (row.path("subject").asText().equals("127.0.0.29")) {
                    address = row;
                }
            }
            assertThat(watched).isNotNull();
            assertThat(watched.path("kind").asText()).isEqualTo("USERNAME");
            assertThat(watched.path("failures").asInt()).isEqualTo(3);
            assertThat(watched.path("locked").asBoolean()).isTrue();
            assertThat(watched.path("lockedUntil").asText()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15))
                    .toString());
            assertThat(address).isNotNull();
            assertThat(address.path("kind").asText()).isEqualTo("ADDRESS");
            assertThat(address.path("failures").asInt()).isEqualTo(3);
            assertThat(address.path("locked").asBoolean()).isFalse();
            assertThat(list.body()).doesNotContain("guess-");
            assertThat(get("127.0.0.30", "watched", PASSWORD, "/api/audit/login-failures").code())
                    .isEqualTo("ACCOUNT_LOCKED");
            assertThat(get("127.0.0.30", "bystander", PASSWORD, "/api/audit/login-failures").status()).isEqualTo(403);
        }

        @Test
        void madeUpNamesAreLockedLikeRealOnesSoTheAnswerDoesNotTellWhichExist() {
            for (int attempt = 0; attempt < 3; attempt++) {
                get("127.0.0.26", "nobody-here", "guess-" + attempt);
                get("127.0.0.27", "unseen", "guess-" + attempt);
            }

            FromAddress.Answer madeUp = get("127.0.0.26", "nobody-here", PASSWORD);
            FromAddress.Answer real = get("127.0.0.27", "unseen", PASSWORD);
            assertThat(madeUp.code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(real.code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(madeUp.body()).isEqualTo(real.body());
            // a made-up name is not written down: it may be a password typed into the wrong field
            assertThat(jdbc.queryForList("SELECT subject FROM login_failures WHERE subject_kind = 'USERNAME'",
                    String.class)).doesNotContain("nobody-here");
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
