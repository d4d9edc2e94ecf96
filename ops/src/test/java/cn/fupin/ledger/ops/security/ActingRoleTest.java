package cn.fupin.ledger.ops.security;

import cn.fupin.ledger.ops.security.StaffProperties.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which one role a user of several acts in at an endpoint: the narrowest the endpoint allows. */
class ActingRoleTest {

    static final Set<String> LIAISON = Set.of("ROLE_CLERK", "ROLE_TOWNSHIP", "TOWNSHIP:510824100");
    static final Set<String> DEPUTY = Set.of("ROLE_CLERK", "ROLE_APPROVER");

    @Test
    void whereBothAreAllowedATownshipOfficialWhoIsAClerkActsAsTownship() {
        assertThat(ActingRole.decide(EnumSet.of(Role.CLERK, Role.TOWNSHIP), LIAISON)).isEqualTo(Role.TOWNSHIP);
        assertThat(ActingRole.decide(EnumSet.allOf(Role.class), LIAISON)).isEqualTo(Role.TOWNSHIP);
    }

    @Test
    void whereOnlyOneOfTheUsersRolesIsAllowedThatOneIsTaken() {
        assertThat(ActingRole.decide(EnumSet.of(Role.CLERK), LIAISON)).isEqualTo(Role.CLERK);
        assertThat(ActingRole.decide(EnumSet.of(Role.APPROVER), DEPUTY)).isEqualTo(Role.APPROVER);
        assertThat(ActingRole.decide(EnumSet.of(Role.APPROVER, Role.AUDITOR), DEPUTY)).isEqualTo(Role.APPROVER);
    }

    @Test
    void aClerkWhoIsAlsoAnApproverReadsAndProposesAsClerk() {
        assertThat(ActingRole.decide(EnumSet.allOf(Role.class), DEPUTY)).isEqualTo(Role.CLERK);
        assertThat(ActingRole.decide(EnumSet.of(Role.CLERK, Role.TOWNSHIP), DEPUTY)).isEqualTo(Role.CLERK);
    }

    @Test
    void aUserWithNoAllowedRoleIsNotAuthorised() {
        assertThat(ActingRole.decide(EnumSet.of(Role.AUDITOR), DEPUTY)).isNull();
        assertThat(ActingRole.decide(EnumSet.of(Role.REVIEWER), Set.of("TOWNSHIP:510824100"))).isNull();
    }
}
