package cn.fupin.ledger.ops.axon;

import cn.fupin.ledger.ops.testing.LedgerTest;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running ledger reads stored events through its upcasters: a revision 1 proposal reaches readers as revision 2.
 */
@LedgerTest
class UpcasterWiringTest {

    @Autowired
    Configuration axon;

    @Test
    void theEventStoresUpcasterChainHoldsTheProposalsUpcaster() {
        assertThat(ProjectProposedEventUpcasterTest.upcast(axon.upcasterChain()).getType().getRevision())
                .isEqualTo("2");
    }
}
