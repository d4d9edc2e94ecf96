package cn.fupin.ledger.ops.disclosure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line export of the static site:
 * <pre>java -jar fupin-ledger.jar --ledger.disclosure.export-to=/srv/www/disclosure --server.port=0</pre>
 * starts the ledger on its database, waits until every read model has caught up with the event store (pages are
 * rendered from them), writes the site with {@link DisclosureSiteWriter} and exits (status 0, or 1 when it could not
 * write). It runs after the demo loaders, so on a fresh demo database it writes the demo county. With the embedded
 * H2 file database the running ledger must be stopped first (H2 opens its file once); on MySQL it can run beside it.
 */
@Component
@ConditionalOnProperty(name = "ledger.disclosure.export-to")
@Order(100)
class DisclosureSiteExport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DisclosureSiteExport.class);

    private final DisclosureSiteWriter writer;
    private final EventProcessingConfiguration processing;
    private final ConfigurableApplicationContext context;
    private final Path folder;
    private final Duration catchUpWait;

    DisclosureSiteExport(DisclosureSiteWriter writer, EventProcessingConfiguration processing,
                         ConfigurableApplicationContext context,
                         @Value("${ledger.disclosure.export-to}") Path folder,
                         @Value("${ledger.disclosure.export-catch-up-wait:10m}") Duration catchUpWait) {
        this.writer = writer;
        this.processing = processing;
        this.context = context;
        this.folder = folder;
        this.catchUpWait = catchUpWait;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = 1;
        try {
            awaitReadModels();
            DisclosureSiteWriter.Written written = writer.write(folder);
            log.info("exported the public disclosure site: {} files to {} in {} ms", written.files(), written.folder(),
                    written.took().toMillis());
            status = 0;
        } catch (Exception e) {
            log.error("could not export the public disclosure site to {}", folder, e);
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Waits until every streaming processor has claimed its segments and caught up with the head of the store. */
    private void awaitReadModels() throws InterruptedException {
        long deadline = System.nanoTime() + catchUpWait.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not catch up within " + catchUpWait);
            }
            Thread.sleep(200);
        }
    }

    private boolean caughtUp() {
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                if (!streaming.isRunning() || streaming.isError() || streaming.processingStatus().isEmpty()
                        || streaming.processingStatus().values().stream().anyMatch(status -> !status.isCaughtUp())) {
                    return false;
                }
            }
        }
        return true;
    }
}
