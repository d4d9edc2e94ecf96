package cn.fupin.ledger.command.disclosure;

import cn.fupin.ledger.shared.common.Refusal;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * What the notice handlers share: loading (and so locking) a notice, a refusal when there is none, recording a new
 * one, and asking whether any record exists under an id. Built from Axon's configuration in the application and from
 * a test fixture's repository in tests.
 */
final class Notices {

    private final Supplier<Repository<Notice>> repository;
    private final Predicate<String> recorded;

    Notices(Supplier<Repository<Notice>> repository, Predicate<String> recorded) {
        this.repository = repository;
        this.recorded = recorded;
    }

    static Notices of(Configuration axon) {
        return new Notices(() -> axon.repository(Notice.class),
                id -> axon.eventStore().lastSequenceNumberFor(id).isPresent());
    }

    /** The notice, or NOTICE_NOT_FOUND (404). */
    Aggregate<Notice> load(String noticeId) {
        return find(noticeId).orElseThrow(() -> Refusal.notFound("NOTICE_NOT_FOUND", "no notice has this id"));
    }

    Optional<Aggregate<Notice>> find(String noticeId) {
        try {
            return Optional.of(repository.get().load(noticeId));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    Aggregate<Notice> create(Callable<Notice> publication) {
        try {
            return repository.get().newInstance(publication);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not record a new notice", e);
        }
    }

    /** Whether any aggregate (a project, a disbursement, a notice) has recorded events under the id. */
    boolean recorded(String aggregateId) {
        return recorded.test(aggregateId);
    }
}
