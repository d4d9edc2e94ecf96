package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.place.VillageCode;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cn.fupin.ledger.command.household.HouseholdTest.BANK_CARD;
import static cn.fupin.ledger.command.household.HouseholdTest.CARD;
import static cn.fupin.ledger.command.household.HouseholdTest.CIPHER;
import static cn.fupin.ledger.command.household.HouseholdTest.ID_NUMBER;
import static cn.fupin.ledger.command.household.HouseholdTest.TEST_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registration of a household from a register row, as {@link HouseholdRegisterImporter} does it: through
 * an event-sourcing repository, because the registering constructor is not a command handler.
 */
class HouseholdRegistrationTest {

    static final HouseholdRow ROW = new HouseholdRow(2, new HouseholdCardNo(CARD), "王大山", IdNumber.parse(ID_NUMBER),
            new VillageCode("510824100001"), 4, true, BankCardNumber.parse(BANK_CARD));

    EmbeddedEventStore eventStore;
    EventSourcingRepository<Household> households;

    @BeforeEach
    void repository() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        households = EventSourcingRepository.builder(Household.class).eventStore(eventStore).build();
    }

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    private void register(HouseholdRow row) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            try {
                households.newInstance(() -> new Household(row, "IMPORT-0001", CIPHER));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private boolean registeredAsIn(HouseholdRow row) {
        boolean[] same = new boolean[1];
        DefaultUnitOfWork.startAndGet(null).execute(
                () -> same[0] = households.load(HouseholdCardNo.streamIdOf(CARD)).invoke(household -> household.sameAs(row, CIPHER)));
        return same[0];
    }

    private HouseholdRegisteredEvent recorded() {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(HouseholdCardNo.streamIdOf(CARD)).asStream().toList();
        assertThat(events).hasSize(1);
        return (HouseholdRegisteredEvent) events.get(0).getPayload();
    }

    @Test
    void recordsTheRowWithItsPersonalNumbersEncryptedAndMasked() {
        register(ROW);

        HouseholdRegisteredEvent event = recorded();
        assertThat(event.cardNo()).isEqualTo(CARD);
        assertThat(event.headName()).isEqualTo("王大山");
        assertThat(event.idNumberMasked()).isEqualTo("**************0018");
        assertThat(event.bankCardMasked()).isEqualTo("***************0128");
        assertThat(event.villageCode()).isEqualTo("510824100001");
        assertThat(event.townshipCode()).isEqualTo("510824100");
        assertThat(event.members()).isEqualTo(4);
        assertThat(event.migrant()).isTrue();
        assertThat(event.importId()).isEqualTo("IMPORT-0001");
    }

    @Test
    void theEventHoldsNoPlainPersonalNumber() {
        register(ROW);

        HouseholdRegisteredEvent event = recorded();
        assertThat(event.toString()).doesNotContain(ID_NUMBER).doesNotContain(BANK_CARD)
                .doesNotContain(ID_NUMBER.substring(0, 10)).doesNotContain(BANK_CARD.substring(0, 10));
    }

    @Test
    void theCiphertextsOpenOnlyForTheirHouseholdAndField() {
        register(ROW);

        HouseholdRegisteredEvent event = recorded();
        PersonalDataCipher sameKey = new PersonalDataCipher(TEST_KEY);
        assertThat(sameKey.decrypt(event.idNumberCiphertext(), CARD, "idNumber")).isEqualTo(ID_NUMBER);
        assertThat(sameKey.decrypt(event.bankCardCiphertext(), CARD, "bankCard")).isEqualTo(BANK_CARD);
        assertThatThrownBy(() -> sameKey.decrypt(event.idNumberCiphertext(), CARD, "bankCard"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sameKey.decrypt(event.bankCardCiphertext(), "HK-510824100001-0002", "bankCard"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameRowImportedAgainIsRecognisedAsUnchanged() {
        register(ROW);

        HouseholdRow sameOnAnotherLine = new HouseholdRow(9, ROW.cardNo(), ROW.headName(), ROW.idNumber(),
                ROW.villageCode(), ROW.members(), ROW.migrant(), ROW.bankCard());
        assertThat(registeredAsIn(sameOnAnotherLine)).isTrue();
    }

    @Test
    void aRowThatChangesAnyFieldIsNotTheSame() {
        register(ROW);

        assertThat(registeredAsIn(new HouseholdRow(2, ROW.cardNo(), "王小山", ROW.idNumber(), ROW.villageCode(),
                ROW.members(), ROW.migrant(), ROW.bankCard()))).isFalse();
        assertThat(registeredAsIn(new HouseholdRow(2, ROW.cardNo(), ROW.headName(), IdNumber.parse("11010519491231002X"),
                ROW.villageCode(), ROW.members(), ROW.migrant(), ROW.bankCard()))).isFalse();
        assertThat(registeredAsIn(new HouseholdRow(2, ROW.cardNo(), ROW.headName(), ROW.idNumber(),
                new VillageCode("510824104001"), ROW.members(), ROW.migrant(), ROW.bankCard()))).isFalse();
        assertThat(registeredAsIn(new HouseholdRow(2, ROW.cardNo(), ROW.headName(), ROW.idNumber(), ROW.villageCode(),
                5, ROW.migrant(), ROW.bankCard()))).isFalse();
        assertThat(registeredAsIn(new HouseholdRow(2, ROW.cardNo(), ROW.headName(), ROW.idNumber(), ROW.villageCode(),
                ROW.members(), false, ROW.bankCard()))).isFalse();
        assertThat(registeredAsIn(new HouseholdRow(2, ROW.cardNo(), ROW.headName(), ROW.idNumber(), ROW.villageCode(),
                ROW.members(), ROW.migrant(), BankCardNumber.parse("4111111111111111")))).isFalse();
    }
}
