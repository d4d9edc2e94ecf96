package cn.fupin.ledger.ops.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reconciliation as a recurring task of db-scheduler, the scheduler that already fires the ledger's persistent
 * deadlines: its table lock makes one node of several run each execution. Every
 * {@code ledger.audit.reconciliation-interval} (1 hour by default) after the last run ended, by the ledger's clock.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationSchedule {

    static final String TASK = "ledger-reconciliation";

    @Bean
    RecurringTask<Void> reconciliationTask(ReconciliationRecorder recorder,
                                           @Value("${ledger.audit.reconciliation-interval:1h}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> recorder.runAndRecord());
    }
}
