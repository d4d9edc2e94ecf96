package cn.fupin.ledger.command.household;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidNaming;

import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.household.DeclareCadreRelativeCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CadreRelativeDeclarationTest {

    FixtureConfiguration<Household> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(HouseholdTest.CIPHER);
    }

    @Test
    void aDeclarationRecordsTheCadreTheRelationAndTheReason() {
        fixture.given(HouseholdTest.registered())
                .when(new DeclareCadreRelativeCommand(HouseholdTest.CARD_NO, " township ", "兄弟 ", "本人申报"))
                .expectEvents(new CadreRelativeDeclaredEvent(HouseholdTest.CARD, "township", "兄弟", "本人申报", null));
    }

    @Test
    void theSameCadreIsDeclaredOnceWhicheverWayTheFirstCame() {
        fixture.given(HouseholdTest.registered(),
                        new CadreRelativeDeclaredEvent(HouseholdTest.CARD, "township", null, null, "IMPORT-0001"))
                .when(new DeclareCadreRelativeCommand(HouseholdTest.CARD_NO, "township", "兄弟", "本人申报"))
                .expectException(conflict("CADRE_RELATIVE_ALREADY_DECLARED"))
                .expectNoEvents();
    }

    @Test
    void aDeclarationWithoutARelationOrNamingNoUserIsRefused() {
        fixture.given(HouseholdTest.registered())
                .when(new DeclareCadreRelativeCommand(HouseholdTest.CARD_NO, "王 书记", " ", "本人申报"))
                .expectException(invalidNaming("CADRE_RELATIVE_INVALID", "CADRE_INVALID"))
                .expectNoEvents();
    }
}
