package cn.fupin.ledger.shared.common;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The actor behind a request, read from the authorities the security left it: one role, and a township if any. */
class ActorTest {

    @Test
    void theOneRoleAndTheTownshipMakeTheActor() {
        assertThat(Actor.acting("liaison", List.of("TOWNSHIP:510824100", "ROLE_TOWNSHIP")))
                .isEqualTo(new Actor("liaison", "TOWNSHIP", "510824100"));
        assertThat(Actor.acting("deputy", List.of("ROLE_CLERK"))).isEqualTo(Actor.of("deputy", "CLERK"));
    }

    @Test
    void severalRolesMeanNoRoleWasDecidedAndFailLoudly() {
        assertThatThrownBy(() -> Actor.acting("deputy", List.of("ROLE_CLERK", "ROLE_APPROVER")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no single acting role");
    }

    @Test
    void noRoleFailsLoudly() {
        assertThatThrownBy(() -> Actor.acting("nobody", List.of("TOWNSHIP:510824100")))
                .isInstanceOf(IllegalStateException.class);
    }
}
