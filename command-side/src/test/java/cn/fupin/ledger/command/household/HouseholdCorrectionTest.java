package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.CorrectHouseholdBankCardCommand;
import cn.fupin.ledger.shared.household.CorrectHouseholdVillageCommand;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdPersonalData;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.household.RevealHouseholdPersonalDataCommand;
import cn.fupin.ledger.shared.place.Gazetteer;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.Refusals.conflict;
import static cn.fupin.ledger.command.Refusals.invalidField;
import static cn.fupin.ledger.command.household.HouseholdTest.CARD;
import static cn.fupin.ledger.command.household.HouseholdTest.CARD_NO;
import static cn.fupin.ledger.command.household.HouseholdTest.CIPHER;
import static cn.fupin.ledger.command.household.HouseholdTest.ID_NUMBER;
import static cn.fupin.ledger.command.household.HouseholdTest.exited;
import static cn.fupin.ledger.command.household.HouseholdTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * Corrections of a household's bank card and village are new facts beside its registration, each with a reason, and
 * each refused when it would change nothing or name what cannot be.
 */
class HouseholdCorrectionTest {

    static final String NEW_BANK_CARD = "6217990000000034005";
    static final String OTHER_HOUSEHOLDS_CARD = "6217990000000034013";
    /** 烟峰楼社区 of 云峰镇: another township than the registration's 金穗社区 of 陵江镇. */
    static final String YANFENGLOU = "510824102001";
    static final String REASON = "原卡已注销，换发新卡";

    static Gazetteer cangxi;

    FixtureConfiguration<Household> fixture;
    /** The index of bank cards: fingerprint → card number, as {@link PersonalDataIndex} keeps it. */
    final Map<String, String> holders = new HashMap<>();

    @BeforeAll
    static void gazetteer() {
        cangxi = Gazetteer.forCounty("510824");
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(CIPHER);
        fixture.registerInjectableResource(cangxi);
        holders.put(fingerprint(HouseholdTest.BANK_CARD), CARD);
        holders.put(fingerprint(OTHER_HOUSEHOLDS_CARD), "HK-510824100001-0002");
        fixture.registerInjectableResource((BankCardHolders) (cardNo, bankCard) -> {
            String holder = holders.get(fingerprint(bankCard));
            if (holder != null && !holder.equals(cardNo)) {
                throw Refusal.conflict("BANK_CARD_REGISTERED", "another registered household holds this bank card");
            }
            holders.values().remove(cardNo);
            holders.put(fingerprint(bankCard), cardNo);
        });
    }

    static String fingerprint(String bankCard) {
        return CIPHER.fingerprint(PersonalDataIndex.Kind.BANK_CARD.name(), bankCard);
    }

    /** The event of a corrected card whose ciphertext, decrypted with the household's binding, is {@code plain}. */
    static TypeSafeMatcher<HouseholdBankCardCorrectedEvent> cardCorrectedTo(String plain, String reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(HouseholdBankCardCorrectedEvent event) {
                return event.cardNo().equals(CARD)
                        && CIPHER.decrypt(event.bankCardCiphertext(), CARD, "bankCard").equals(plain)
                        && event.bankCardMasked().equals("***************" + plain.substring(plain.length() - 4))
                        && event.previousBankCardMasked().equals("***************0128")
                        && event.reason().equals(reason);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a bank card corrected to one ending " + plain.substring(plain.length() - 4));
            }
        };
    }

    static HouseholdBankCardCorrectedEvent cardCorrected(String plain) {
        return new HouseholdBankCardCorrectedEvent(CARD, CIPHER.encrypt(plain, CARD, "bankCard"),
                "***************" + plain.substring(plain.length() - 4), "***************0128", REASON);
    }

    @Nested
    class BankCard {

        @Test
        void aCorrectedCardIsANewFactWithItsCiphertextAndReason() {
            fixture.given(registered())
                    .when(new CorrectHouseholdBankCardCommand(CARD_NO, " " + NEW_BANK_CARD + " ", "  " + REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(cardCorrectedTo(NEW_BANK_CARD, REASON))));
            assertThat(holders).containsEntry(fingerprint(NEW_BANK_CARD), CARD)
                    .doesNotContainKey(fingerprint(HouseholdTest.BANK_CARD));
        }

        @Test
        void theCorrectedCardIsTheOneAnAuditorSeesAfterwards() {
            fixture.given(registered(), cardCorrected(NEW_BANK_CARD))
                    .when(new RevealHouseholdPersonalDataCommand(CARD_NO, "核对新卡"))
                    .expectResultMessagePayload(new HouseholdPersonalData(ID_NUMBER, NEW_BANK_CARD));
        }

        @Test
        void aHouseholdThatExitedMayHaveItsCardCorrected() {
            fixture.given(registered(), exited(2018))
                    .when(new CorrectHouseholdBankCardCommand(CARD_NO, NEW_BANK_CARD, REASON))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(cardCorrectedTo(NEW_BANK_CARD, REASON))));
        }

        @Nested
        class Refuses {

            @Test
            void theCardItHoldsAlready() {
                fixture.given(registered())
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, HouseholdTest.BANK_CARD, REASON))
                        .expectException(invalidField("BANK_CARD_UNCHANGED", "bankCard"))
                        .expectNoEvents();
            }

            @Test
            void theCardItWasCorrectedToAlready() {
                fixture.given(registered(), cardCorrected(NEW_BANK_CARD))
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, NEW_BANK_CARD, REASON))
                        .expectException(invalidField("BANK_CARD_UNCHANGED", "bankCard"))
                        .expectNoEvents();
            }

            @Test
            void aCardWithAWrongCheckDigit() {
                fixture.given(registered())
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, "6217990000000034004", REASON))
                        .expectException(invalidField("BANK_CARD_INVALID", "bankCard"))
                        .expectNoEvents();
            }

            @Test
            void aCardOfLettersOrTooShort() {
                fixture.given(registered())
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, "62179900", REASON))
                        .expectException(invalidField("BANK_CARD_INVALID", "bankCard"))
                        .expectNoEvents();
            }

            @Test
            void aCardAnotherHouseholdHolds() {
                fixture.given(registered())
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, OTHER_HOUSEHOLDS_CARD, REASON))
                        .expectException(conflict("BANK_CARD_REGISTERED"))
                        .expectNoEvents();
                assertThat(holders).containsEntry(fingerprint(HouseholdTest.BANK_CARD), CARD);
            }

            @Test
            void aCorrectionWithoutAReason() {
                fixture.given(registered())
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, NEW_BANK_CARD, " "))
                        .expectException(invalidField("REASON_REQUIRED", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aHouseholdThatWasNeverRegistered() {
                fixture.givenNoPriorActivity()
                        .when(new CorrectHouseholdBankCardCommand(CARD_NO, NEW_BANK_CARD, REASON))
                        .expectException(AggregateNotFoundException.class)
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class Village {

        @Test
        void aHouseholdMovesToAVillageOfAnotherTownship() {
            fixture.given(registered())
                    .when(new CorrectHouseholdVillageCommand(CARD_NO, YANFENGLOU, " 登记村有误 "))
                    .expectEvents(new HouseholdVillageCorrectedEvent(CARD, "510824100001", "510824100", YANFENGLOU,
                            "510824102", "登记村有误"));
        }

        @Test
        void aSecondCorrectionStartsFromTheFirst() {
            fixture.given(registered(), new HouseholdVillageCorrectedEvent(CARD, "510824100001", "510824100",
                            YANFENGLOU, "510824102", "登记村有误"))
                    .when(new CorrectHouseholdVillageCommand(CARD_NO, "510824100001", "更正有误，改回"))
                    .expectEvents(new HouseholdVillageCorrectedEvent(CARD, YANFENGLOU, "510824102", "510824100001",
                            "510824100", "更正有误，改回"));
        }

        @Nested
        class Refuses {

            @Test
            void theVillageItIsInAlready() {
                fixture.given(registered())
                        .when(new CorrectHouseholdVillageCommand(CARD_NO, "510824100001", "登记村有误"))
                        .expectException(invalidField("VILLAGE_UNCHANGED", "villageCode"))
                        .expectNoEvents();
            }

            @Test
            void aVillageTheCountyDoesNotHave() {
                fixture.given(registered())
                        .when(new CorrectHouseholdVillageCommand(CARD_NO, "510824999999", "登记村有误"))
                        .expectException(invalidField("VILLAGE_UNKNOWN", "villageCode"))
                        .expectNoEvents();
            }

            @Test
            void aTownshipInsteadOfAVillage() {
                fixture.given(registered())
                        .when(new CorrectHouseholdVillageCommand(CARD_NO, "510824102", "登记村有误"))
                        .expectException(invalidField("VILLAGE_UNKNOWN", "villageCode"))
                        .expectNoEvents();
            }

            @Test
            void aCorrectionWithoutAReason() {
                fixture.given(registered())
                        .when(new CorrectHouseholdVillageCommand(CARD_NO, YANFENGLOU, null))
                        .expectException(invalidField("REASON_REQUIRED", "reason"))
                        .expectNoEvents();
            }

            @Test
            void aHouseholdThatWasNeverRegistered() {
                fixture.givenNoPriorActivity()
                        .when(new CorrectHouseholdVillageCommand(CARD_NO, YANFENGLOU, "登记村有误"))
                        .expectException(AggregateNotFoundException.class)
                        .expectNoEvents();
            }
        }
    }
}
