package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.household.ExitHouseholdCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdPersonalData;
import cn.fupin.ledger.shared.household.HouseholdPersonalDataViewedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.ReturnHouseholdCommand;
import cn.fupin.ledger.shared.household.RevealHouseholdPersonalDataCommand;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;
import static org.hamcrest.Matchers.instanceOf;

class HouseholdTest {

    /** A fixed test key: 32 bytes 0x00..0x1f. Never a key of any deployment. */
    static final byte[] TEST_KEY = testKey();
    static final PersonalDataCipher CIPHER = new PersonalDataCipher(TEST_KEY);

    static final String CARD = "HK-510824100001-0001";
    static final HouseholdCardNo CARD_NO = new HouseholdCardNo(CARD);
    static final String ID_NUMBER = "510824198507150018";
    static final String BANK_CARD = "6222021234567890128";
    static final String EXIT_REASON = "人均纯收入稳定超过扶贫标准";
    static final String RETURN_REASON = "因病返贫";

    FixtureConfiguration<Household> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(CIPHER);
    }

    static byte[] testKey() {
        byte[] key = new byte[32];
        IntStream.range(0, 32).forEach(i -> key[i] = (byte) i);
        return key;
    }

    /** The registration as the importer records it; the field names "idNumber" and "bankCard" are part of the stored ciphertexts. */
    static HouseholdRegisteredEvent registered() {
        return registeredWithCiphertextsOf(CARD);
    }

    static HouseholdRegisteredEvent registeredWithCiphertextsOf(String boundToCard) {
        return new HouseholdRegisteredEvent(CARD, "王大山",
                CIPHER.encrypt(ID_NUMBER, boundToCard, "idNumber"), "**************0018",
                CIPHER.encrypt(BANK_CARD, boundToCard, "bankCard"), "***************0128",
                "510824100001", "510824100", 4, false, "IMPORT-0001");
    }

    static HouseholdExitedEvent exited(int year) {
        return new HouseholdExitedEvent(CARD, year, EXIT_REASON);
    }

    static HouseholdReturnedEvent returned(int year) {
        return new HouseholdReturnedEvent(CARD, year, RETURN_REASON);
    }

    @Nested
    class Exit {

        @Test
        void aRegisteredHouseholdExits() {
            fixture.given(registered())
                    .when(new ExitHouseholdCommand(CARD_NO, 2018, "  " + EXIT_REASON + "\n"))
                    .expectEvents(exited(2018));
        }

        @Test
        void aReturnedHouseholdExitsAgain() {
            fixture.given(registered(), exited(2018), returned(2019))
                    .when(new ExitHouseholdCommand(CARD_NO, 2020, EXIT_REASON))
                    .expectEvents(exited(2020));
        }

        @Test
        void aReasonMayHaveFiveHundredCharacters() {
            String reason = "因".repeat(500);
            fixture.given(registered())
                    .when(new ExitHouseholdCommand(CARD_NO, 2018, reason))
                    .expectEvents(new HouseholdExitedEvent(CARD, 2018, reason));
        }

        @Nested
        class Refuses {

            @Test
            void aHouseholdThatExitedAlready() {
                fixture.given(registered(), exited(2018))
                        .when(new ExitHouseholdCommand(CARD_NO, 2019, EXIT_REASON))
                        .expectException(conflict("HOUSEHOLD_ALREADY_EXITED"))
                        .expectNoEvents();
            }

            @Test
            void aYearBefore2000() {
                fixture.given(registered())
                        .when(new ExitHouseholdCommand(CARD_NO, 1999, EXIT_REASON))
                        .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                        .expectNoEvents();
            }

            @Test
            void aYearAfter2100() {
                fixture.given(registered())
                        .when(new ExitHouseholdCommand(CARD_NO, 2101, EXIT_REASON))
                        .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                        .expectNoEvents();
            }

            @Test
            void aMissingReason() {
                fixture.given(registered())
                        .when(new ExitHouseholdCommand(CARD_NO, 2018, null))
                        .expectException(invalidField("REASON_REQUIRED", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aBlankReason() {
                fixture.given(registered())
                        .when(new ExitHouseholdCommand(CARD_NO, 2018, " \n "))
                        .expectException(invalidField("REASON_REQUIRED", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aReasonLongerThanFiveHundredCharacters() {
                fixture.given(registered())
                        .when(new ExitHouseholdCommand(CARD_NO, 2018, "因".repeat(501)))
                        .expectException(invalidField("REASON_INVALID", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aReasonWithAControlCharacter() {
                fixture.given(registered())
                        .when(new ExitHouseholdCommand(CARD_NO, 2018, EXIT_REASON + "\u0000"))
                        .expectException(invalidField("REASON_INVALID", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aYearBeforeTheLastChangeOfStatus() {
                fixture.given(registered(), exited(2018), returned(2020))
                        .when(new ExitHouseholdCommand(CARD_NO, 2019, EXIT_REASON))
                        .expectException(conflict("YEAR_BEFORE_LAST_CHANGE"))
                        .expectNoEvents();
            }

            @Test
            void aHouseholdThatWasNeverRegistered() {
                fixture.givenNoPriorActivity()
                        .when(new ExitHouseholdCommand(CARD_NO, 2018, EXIT_REASON))
                        .expectException(AggregateNotFoundException.class)
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class Return {

        @Test
        void anExitedHouseholdReturns() {
            fixture.given(registered(), exited(2018))
                    .when(new ReturnHouseholdCommand(CARD_NO, 2019, " " + RETURN_REASON + " "))
                    .expectEvents(returned(2019));
        }

        @Test
        void aHouseholdMayReturnInTheYearItExited() {
            fixture.given(registered(), exited(2018))
                    .when(new ReturnHouseholdCommand(CARD_NO, 2018, RETURN_REASON))
                    .expectEvents(returned(2018));
        }

        @Nested
        class Refuses {

            @Test
            void aHouseholdThatNeverExited() {
                fixture.given(registered())
                        .when(new ReturnHouseholdCommand(CARD_NO, 2019, RETURN_REASON))
                        .expectException(conflict("HOUSEHOLD_NOT_EXITED"))
                        .expectNoEvents();
            }

            @Test
            void aHouseholdThatReturnedAlready() {
                fixture.given(registered(), exited(2018), returned(2019))
                        .when(new ReturnHouseholdCommand(CARD_NO, 2020, RETURN_REASON))
                        .expectException(conflict("HOUSEHOLD_NOT_EXITED"))
                        .expectNoEvents();
            }

            @Test
            void aYearBeforeTheExit() {
                fixture.given(registered(), exited(2018))
                        .when(new ReturnHouseholdCommand(CARD_NO, 2017, RETURN_REASON))
                        .expectException(conflict("YEAR_BEFORE_LAST_CHANGE"))
                        .expectNoEvents();
            }

            @Test
            void aYearOutOfRange() {
                fixture.given(registered(), exited(2018))
                        .when(new ReturnHouseholdCommand(CARD_NO, 2101, RETURN_REASON))
                        .expectException(invalidField("YEAR_OUT_OF_RANGE", "year"))
                        .expectNoEvents();
            }

            @Test
            void aMissingReason() {
                fixture.given(registered(), exited(2018))
                        .when(new ReturnHouseholdCommand(CARD_NO, 2019, ""))
                        .expectException(invalidField("REASON_REQUIRED", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aReasonWithAControlCharacter() {
                fixture.given(registered(), exited(2018))
                        .when(new ReturnHouseholdCommand(CARD_NO, 2019, "因病\u001B返贫"))
                        .expectException(invalidField("REASON_INVALID", "reason"))
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class RevealPersonalData {

        @Test
        void anAuditorSeesThePlainNumbersAndTheViewIsRecorded() {
            fixture.given(registered())
                    .when(new RevealHouseholdPersonalDataCommand(CARD_NO, " 审计抽查 "))
                    .expectEvents(new HouseholdPersonalDataViewedEvent(CARD, "审计抽查"))
                    .expectResultMessagePayload(new HouseholdPersonalData(ID_NUMBER, BANK_CARD));
        }

        @Test
        void aViewWithoutAReasonIsRecordedToo() {
            fixture.given(registered())
                    .when(new RevealHouseholdPersonalDataCommand(CARD_NO, "  "))
                    .expectEvents(new HouseholdPersonalDataViewedEvent(CARD, null))
                    .expectResultMessagePayload(new HouseholdPersonalData(ID_NUMBER, BANK_CARD));
        }

        @Test
        void theNumbersOfAnExitedHouseholdCanBeSeen() {
            fixture.given(registered(), exited(2018))
                    .when(new RevealHouseholdPersonalDataCommand(CARD_NO, "审计抽查"))
                    .expectEvents(new HouseholdPersonalDataViewedEvent(CARD, "审计抽查"))
                    .expectResultMessagePayload(new HouseholdPersonalData(ID_NUMBER, BANK_CARD));
        }

        @Nested
        class Refuses {

            @Test
            void aReasonLongerThanFiveHundredCharacters() {
                fixture.given(registered())
                        .when(new RevealHouseholdPersonalDataCommand(CARD_NO, "查".repeat(501)))
                        .expectException(invalidField("REASON_INVALID", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aReasonWithAControlCharacter() {
                fixture.given(registered())
                        .when(new RevealHouseholdPersonalDataCommand(CARD_NO, "审计\u0000抽查"))
                        .expectException(invalidField("REASON_INVALID", "reason"))
                        .expectNoEvents();
            }

            @Test
            void numbersCopiedFromAnotherHouseholdsRegistration() {
                // The ciphertexts are bound to the card they were made for: pasted onto another card they do not open,
                // and the failed view leaves no event.
                fixture.given(registeredWithCiphertextsOf("HK-510824100001-0002"))
                        .when(new RevealHouseholdPersonalDataCommand(CARD_NO, "审计抽查"))
                        .expectException(instanceOf(IllegalStateException.class))
                        .expectNoEvents();
            }
        }
    }
}
