package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.command.household.HouseholdRegisterFiles;
import cn.fupin.ledger.ops.audit.RefusedAttempts;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import jakarta.annotation.PreDestroy;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Register files uploaded through the screen, imported one at a time in the background while their pages show how
 * far each has come. The import itself is the API's ({@link HouseholdRegisterFiles}: every row or none, a re-import
 * changes nothing); this only runs it off the request's thread, as the clerk who uploaded it (their security context
 * goes with the work, so the events name them), and remembers the outcome for that clerk's page — the newest
 * {@value #KEPT} imports, in memory on this node. The file's bytes are dropped once imported (they hold personal
 * data).
 */
@Component
class HouseholdImports {

    static final int KEPT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdImports.class);

    /** How far an import has come. */
    enum Stage { QUEUED, RECORDING, DONE, REFUSED, FAILED }

    /** One upload: who sent it, its file, and (once known) what the ledger made of it. */
    static final class Job {
        private final String id;
        private final String owner;
        private final String fileName;
        private final int rowsRead;
        private final Instant receivedAt;
        private volatile Stage stage = Stage.QUEUED;
        private volatile int imported;
        private volatile int unchanged;
        private volatile String refusalCode;
        private volatile List<FieldProblem> problems = List.of();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        Job(String id, String owner, String fileName, int rowsRead, Instant receivedAt) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
            this.rowsRead = rowsRead;
            this.receivedAt = receivedAt;
        }

        public String id() { return id; }
        public String fileName() { return fileName; }
        public int rowsRead() { return rowsRead; }
        public Instant receivedAt() { return receivedAt; }
        public Stage stage() { return stage; }
        public int imported() { return imported; }
        public int unchanged() { return unchanged; }
        public String refusalCode() { return refusalCode; }
        public List<FieldProblem> problems() { return problems; }

        /** The rows named by at least one problem. */
        public long rowsRefused() {
            return problems.stream().filter(p -> p.line() > 1).map(FieldProblem::line).distinct().count();
        }

        public boolean running() {
            return stage == Stage.QUEUED || stage == Stage.RECORDING;
        }
    }

    private final HouseholdRegisterFiles files;
    private final RefusedAttempts refusedAttempts;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "household-register-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT && !eldest.getValue().running();
        }
    };

    HouseholdImports(HouseholdRegisterFiles files, RefusedAttempts refusedAttempts, Clock clock) {
        this.files = files;
        this.refusedAttempts = refusedAttempts;
        this.clock = clock;
    }

    /** Queues the file for import as the current user; answers the job its page follows. */
    Job start(String owner, byte[] content, Charset charset, String fileName) {
        Job job = new Job(UUID.randomUUID().toString(), owner, fileName, rowsIn(content, charset), clock.instant());
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        worker.execute(new DelegatingSecurityContextRunnable(() -> run(job, content, charset), context));
        return job;
    }

    /** Waits at most {@code millis} for the job to come to an end (a small file's import is over by then). */
    void awaitEnd(String id, long millis) {
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        if (job == null) {
            return;
        }
        try {
            job.ended.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job, if it is one of {@code owner}'s: another user's id finds nothing. */
    Optional<Job> find(String id, String owner) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
        }
    }

    private void run(Job job, byte[] content, Charset charset) {
        try {
            record(job, content, charset);
        } finally {
            job.ended.countDown();
        }
    }

    private void record(Job job, byte[] content, Charset charset) {
        job.stage = Stage.RECORDING;
        try {
            HouseholdImportResult result = files.importFile(content, charset, job.fileName);
            job.imported = result.imported();
            job.unchanged = result.unchanged();
            job.stage = Stage.DONE;
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.find(e);
            if (refusal == null) {
                LOG.error("import {} failed", job.id, e);
                job.stage = Stage.FAILED;
                return;
            }
            // A refusal auditors must see (a number another household holds) is recorded as the API's problem handler
            // records it: noted on this thread by the command bus, recorded here in a transaction of its own.
            refusedAttempts.recordNoted(refusal);
            job.refusalCode = refusal.code();
            job.problems = List.copyOf(refusal.problems());
            job.stage = Stage.REFUSED;
        }
    }

    /** The lines that hold a household: every non-blank line after the header (a quoted line break aside). */
    private static int rowsIn(byte[] content, Charset charset) {
        String text = new String(content, charset);
        int rows = 0;
        for (String line : text.split("\r\n|\n|\r")) {
            if (!line.isBlank()) {
                rows++;
            }
        }
        return Math.max(0, rows - 1);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
