package cn.fupin.ledger.ops.benchmark;

import cn.fupin.ledger.ops.LedgerApplication;
import cn.fupin.ledger.ops.testing.LedgerTest;
import cn.fupin.ledger.ops.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Measures authenticated reads per second over HTTP Basic with a real bcrypt password (the default strength, 10), with
 * the remembered passwords off ({@code ledger.security.verified-credentials-ttl=0}: every request is hashed, as before
 * step 7) and on (the default 5 minutes), at 1 and 8 client threads, beside a public page of the same server; and
 * prints the figures (also to {@code ops/target/authentication-benchmark.txt}). Each setting runs in a ledger of its
 * own on a fresh database, the demo profile without the demo data.
 *
 * <p>A measurement, not a test of speed: nothing here asserts a time; a request that does not answer 200 fails it.
 * Not part of the default suite (its name matches none of surefire's patterns); run it with
 * {@code ./mvnw -B -q verify -pl ops -am -Dtest=AuthenticationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Pmysql} for MariaDB; {@code -Dbenchmark.seconds=N} sets each measurement's length, 10 by default).
 */
class AuthenticationBenchmark {

    static final String USER = "benchmark";
    static final String PASSWORD = "a long benchmark password 2035";
    static final String PATH = "/api/work-areas";
    static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    static final Duration WARM_UP = Duration.ofSeconds(3);

    private final List<String> report = new ArrayList<>();

    @Test
    void authenticatedReadsPerSecond() throws Exception {
        report.add(String.format(Locale.ROOT, "database: %s, cores: %d, %d s per figure after %d s warm-up, GET %s as"
                        + " a CLERK with a bcrypt (strength 10) password", TestDatabase.onMysql() ? "MariaDB" : "H2",
                Runtime.getRuntime().availableProcessors(), SECONDS, WARM_UP.toSeconds(), PATH));
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        for (String ttl : List.of("0", "5m")) {
            TestDatabase database = TestDatabase.create();
            ConfigurableApplicationContext ledger = start(database, hash, ttl);
            try {
                int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
                String label = ttl.equals("0") ? "remembered passwords off (every request hashed)"
                        : "remembered passwords on (ttl 5m)";
                for (int threads : List.of(1, 8)) {
                    report.add(String.format(Locale.ROOT, "%-50s %d thread(s): %,8.1f requests/s (load %s)", label,
                            threads, perSecond(port, PATH, true, threads), load()));
                }
                if (!ttl.equals("0")) {
                    for (int threads : List.of(1, 8)) {
                        report.add(String.format(Locale.ROOT, "%-50s %d thread(s): %,8.1f requests/s (load %s)",
                                "public page GET /disclosure/ (no login)", threads,
                                perSecond(port, "/disclosure/", false, threads), load()));
                    }
                }
            } finally {
                ledger.close();
                database.drop();
            }
        }
        String text = "=== AuthenticationBenchmark ===\n" + String.join("\n", report) + "\n";
        System.out.println();
        System.out.print(text);
        Files.writeString(Path.of("target", "authentication-benchmark.txt"), text);
    }

    /** The machine's load average over the last minute (shared with other builds), or "?" where it cannot be read. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unreadable) {
            return "?";
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database, String hash, String ttl) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("server.port", "0");
        properties.put("ledger.test.own-database", "true");
        properties.put("ledger.demo.load-data", "false");
        properties.put("ledger.personal-data.key", LedgerTest.PERSONAL_DATA_KEY);
        properties.put("logging.level.org.axonframework", "warn");
        properties.put("logging.level.root", "warn");
        properties.put("ledger.security.users[0].username", USER);
        properties.put("ledger.security.users[0].password", hash);
        properties.put("ledger.security.users[0].roles[0]", "CLERK");
        properties.put("ledger.security.verified-credentials-ttl", ttl);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("demo").run(arguments);
    }

    /** Requests per second that {@code threads} clients, each one request after the other, get answered with 200. */
    private static double perSecond(int port, String path, boolean login, int threads) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (login) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.build();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        List<String> problems = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            synchronized (problems) {
                                problems.add(response.statusCode() + " " + response.body());
                            }
                            return;
                        }
                        if (measuring.get() && !stop.get()) {
                            answered.incrementAndGet();
                        }
                    } catch (IOException e) {
                        synchronized (problems) {
                            problems.add(e.toString());
                        }
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "benchmark-client-" + t);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(WARM_UP.toMillis());
        measuring.set(true);
        long began = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        stop.set(true);
        double seconds = (System.nanoTime() - began) / 1e9;
        long count = answered.get();
        for (Thread thread : clients) {
            thread.join(Duration.ofSeconds(70).toMillis());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("not every request was answered 200: " + problems.get(0));
        }
        return count / seconds;
    }
}
