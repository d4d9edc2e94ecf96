package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.shared.disclosure.FindNoticeQuery;
import cn.fupin.ledger.shared.disclosure.FindNoticeSummariesQuery;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The assembler treats a query nobody answers (the notice read model is not there yet) as "no notices", and nothing
 * else: a query that fails still fails the page.
 */
class DisclosurePageAssemblerTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final DisclosurePageAssembler assembler =
            new DisclosurePageAssembler(queries, Gazetteer.forCounty("510824"), Clock.fixed(Notices.AS_OF, ZoneOffset.UTC));

    @Test
    void aPlaceHasNoNoticesWhileNoHandlerAnswersTheNoticeQuery() {
        when(queries.query(any(FindNoticeSummariesQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(
                        new NoHandlerForQueryException("no handler for FindNoticeSummariesQuery")));

        assertThat(assembler.placeYears("510824105")).isEmpty();
    }

    @Test
    void aNoticeIsNotFoundWhileNoHandlerAnswersTheNoticeQuery() {
        when(queries.query(any(FindNoticeQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(new NoHandlerForQueryException("no handler for FindNoticeQuery")));

        assertThat(assembler.notice("N-2094-0001")).isEmpty();
    }

    @Test
    void aNoticeQueryThatFailsOtherwiseFailsThePage() {
        when(queries.query(any(FindNoticeSummariesQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.failedFuture(new QueryExecutionException("the read model is down", null)));

        assertThatThrownBy(() -> assembler.placeYears("510824105"))
                .isInstanceOf(QueryExecutionException.class);
    }

    @Test
    void aNoticeIdThatCannotNameAFileIsNeverLookedUp() {
        assertThat(assembler.notice("../../etc/passwd")).isEmpty();
        assertThat(assembler.notice("公告")).isEmpty();
    }

    @Test
    void aCodeOutsideTheCountyHasNoPage() {
        assertThat(assembler.township("510825100")).isEmpty();
        assertThat(assembler.village("510824999999")).isEmpty();
    }
}
