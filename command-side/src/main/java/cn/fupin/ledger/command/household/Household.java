package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.privacy.PersonalDataCipher;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disbursement.DisbursementStatus;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.household.CadreRelativeDeclaredEvent;
import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.CorrectHouseholdBankCardCommand;
import cn.fupin.ledger.shared.household.CorrectHouseholdVillageCommand;
import cn.fupin.ledger.shared.household.DeclareCadreRelativeCommand;
import cn.fupin.ledger.shared.household.ExitHouseholdCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.HouseholdBankCardCorrectedEvent;
import cn.fupin.ledger.shared.household.HouseholdExitedEvent;
import cn.fupin.ledger.shared.household.HouseholdPersonalData;
import cn.fupin.ledger.shared.household.HouseholdPersonalDataViewedEvent;
import cn.fupin.ledger.shared.household.HouseholdRegisteredEvent;
import cn.fupin.ledger.shared.household.HouseholdReturnedEvent;
import cn.fupin.ledger.shared.household.HouseholdRow;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantClaimedEvent;
import cn.fupin.ledger.shared.household.HouseholdStartupGrantReleasedEvent;
import cn.fupin.ledger.shared.household.HouseholdStatus;
import cn.fupin.ledger.shared.household.RevealHouseholdPersonalDataCommand;
import cn.fupin.ledger.shared.household.ReturnHouseholdCommand;
import cn.fupin.ledger.shared.household.HouseholdVillageCorrectedEvent;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A registered poor household (建档立卡贫困户), identified by its card number. Invariants enforced here:
 * <ul>
 *   <li>its status moves registered → exited → returned → exited …: no exit while exited, no return unless exited;</li>
 *   <li>a status change names a year no earlier than the previous change's, and a reason;</li>
 *   <li>its ID and bank card numbers exist only as ciphertext, and every unmasked view is recorded;</li>
 *   <li>its bank card and its village are corrected by new facts with a reason, never by a re-import; a correction
 *       must change something, name a valid card or a village of the county, and a card held by no other household
 *       ({@link BankCardHolders});</li>
 *   <li>it holds at most one start-up grant (增收项目启动资金, DOMAIN.md "Money") at a time: a grant is claimed when
 *       it is requested and released only when it is rejected or reversed, so a second one is refused while the
 *       first is pending or paid, in every batch and every project.</li>
 * </ul>
 * Uniqueness across households (card number, ID number, bank card) spans aggregates and is held by
 * {@link HouseholdRegisterImporter}.
 */
@Aggregate
public class Household {

    static final String ID_NUMBER_FIELD = "idNumber";
    static final String BANK_CARD_FIELD = "bankCard";
    static final int REASON_LENGTH_MAX = 500;

    /** {@code HH-} and the card number: the household's own identifier space ({@link HouseholdCardNo#streamId()}). */
    @AggregateIdentifier
    private String streamId;
    private String cardNo;
    private String headName;
    private String idNumberCiphertext;
    private String bankCardCiphertext;
    private String bankCardMasked;
    private String villageCode;
    private String townshipCode;
    private int members;
    private boolean migrant;
    private HouseholdStatus status;
    private int lastChangeYear;
    /** The disbursement of the household's start-up grant, requested or paid; {@code null} when it holds none. */
    private String startupGrant;
    /** The cadres its head is declared a relative of (优亲厚友), each once. */
    private final Set<String> relatedCadres = new HashSet<>();

    protected Household() {
        // Axon rebuilds the household from its events.
    }

    /** Registers a household from a validated register row; its personal numbers are encrypted here. */
    Household(HouseholdRow row, String importId, PersonalDataCipher cipher) {
        String card = row.cardNo().value();
        apply(new HouseholdRegisteredEvent(card, row.headName(),
                cipher.encrypt(row.idNumber().plain(), card, ID_NUMBER_FIELD), row.idNumber().masked(),
                cipher.encrypt(row.bankCard().plain(), card, BANK_CARD_FIELD), row.bankCard().masked(),
                row.villageCode().value(), row.villageCode().township().value(), row.members(), row.migrant(),
                importId));
    }

    /** Whether the row says exactly what the ledger holds of this household (a re-import changes nothing). */
    boolean sameAs(HouseholdRow row, PersonalDataCipher cipher) {
        return headName.equals(row.headName())
                && villageCode.equals(row.villageCode().value())
                && members == row.members()
                && migrant == row.migrant()
                && cipher.decrypt(idNumberCiphertext, cardNo, ID_NUMBER_FIELD).equals(row.idNumber().plain())
                && cipher.decrypt(bankCardCiphertext, cardNo, BANK_CARD_FIELD).equals(row.bankCard().plain());
    }

    public String cardNo() {
        return cardNo;
    }

    public String villageCode() {
        return villageCode;
    }

    public String townshipCode() {
        return townshipCode;
    }

    /** Whether the household has left poverty and exited the register (a returned household is in it again). */
    public boolean exited() {
        return status == HouseholdStatus.EXITED;
    }

    /** The disbursement of its start-up grant, requested or paid and not reversed; {@code null} when none. */
    public String startupGrant() {
        return startupGrant;
    }

    /**
     * Records that the disbursement {@code disbursementId} of {@code amountFen} fen from {@code projectId} is the
     * household's start-up grant. Refuses DUPLICATE_STARTUP_GRANT while an earlier grant is requested or paid.
     */
    public void claimStartupGrant(String disbursementId, String projectId, long amountFen) {
        if (disbursementId == null || projectId == null || amountFen <= 0) {
            throw new IllegalArgumentException("a grant is a positive amount of a disbursement from a project");
        }
        if (startupGrant != null) {
            throw Refusal.conflict("DUPLICATE_STARTUP_GRANT", "the household's start-up grant is requested or paid "
                    + "already; a second one may be requested only once that one is rejected or reversed");
        }
        apply(new HouseholdStartupGrantClaimedEvent(cardNo, disbursementId, projectId, amountFen));
    }

    /**
     * Gives up the claim of the start-up grant {@code disbursementId}, which was REJECTED or REVERSED: the household
     * may be granted again. Releasing a grant the household does not hold is a programming error.
     */
    public void releaseStartupGrant(String disbursementId, DisbursementStatus outcome) {
        if (outcome != DisbursementStatus.REJECTED && outcome != DisbursementStatus.REVERSED) {
            throw new IllegalArgumentException("a grant is released when it is rejected or reversed, not " + outcome);
        }
        if (disbursementId == null || !disbursementId.equals(startupGrant)) {
            throw new IllegalStateException("household " + cardNo + " holds the grant " + startupGrant + ", not "
                    + disbursementId);
        }
        apply(new HouseholdStartupGrantReleasedEvent(cardNo, disbursementId, outcome.name()));
    }

    /** Whether the head is declared a relative of {@code cadre} already. */
    boolean relatedTo(String cadre) {
        return relatedCadres.contains(cadre);
    }

    /**
     * Records that the head is a relative of {@code cadre}: from a declaration (with relation and reason) or from the
     * register column at the import {@code importId}. The shape of each text was checked by
     * {@link CadreRelatives}; a second declaration of the same cadre is refused (CADRE_RELATIVE_ALREADY_DECLARED).
     */
    void declareRelatedCadre(String cadre, String relation, String reason, String importId) {
        if (relatedTo(cadre)) {
            throw Refusal.conflict("CADRE_RELATIVE_ALREADY_DECLARED",
                    "the household's head is declared a relative of this cadre already");
        }
        apply(new CadreRelativeDeclaredEvent(cardNo, cadre, relation, reason, importId));
    }

    @CommandHandler
    void handle(DeclareCadreRelativeCommand command) {
        CadreRelatives.requireValid(command);
        declareRelatedCadre(command.cadre().strip(), command.relation().strip(), command.reason().strip(), null);
    }

    @CommandHandler
    void handle(ExitHouseholdCommand command) {
        requireChange(command.year(), command.reason());
        if (status == HouseholdStatus.EXITED) {
            throw Refusal.conflict("HOUSEHOLD_ALREADY_EXITED", "the household has exited the register already");
        }
        apply(new HouseholdExitedEvent(cardNo, command.year(), command.reason().strip()));
    }

    @CommandHandler
    void handle(ReturnHouseholdCommand command) {
        requireChange(command.year(), command.reason());
        if (status != HouseholdStatus.EXITED) {
            throw Refusal.conflict("HOUSEHOLD_NOT_EXITED", "only a household that exited can return to the register");
        }
        apply(new HouseholdReturnedEvent(cardNo, command.year(), command.reason().strip()));
    }

    /**
     * Corrects the card the household's grants are paid to. The card must be valid (BANK_CARD_INVALID), differ from
     * the one held (BANK_CARD_UNCHANGED) and be held by no other household (BANK_CARD_REGISTERED); the household then
     * holds it in the {@link BankCardHolders} index instead of its old one, in the same transaction as the event.
     */
    @CommandHandler
    void handle(CorrectHouseholdBankCardCommand command, PersonalDataCipher cipher, BankCardHolders holders) {
        String problem = BankCardNumber.problemWith(command.bankCard() == null ? null : command.bankCard().strip());
        if (problem != null) {
            throw Refusal.invalidField("BANK_CARD_INVALID", BANK_CARD_FIELD, problem);
        }
        BankCardNumber card = BankCardNumber.parse(command.bankCard().strip());
        String reason = requireReason(command.reason());
        if (cipher.decrypt(bankCardCiphertext, cardNo, BANK_CARD_FIELD).equals(card.plain())) {
            throw Refusal.invalidField("BANK_CARD_UNCHANGED", BANK_CARD_FIELD,
                    "the household holds this bank card already");
        }
        holders.move(cardNo, card.plain());
        apply(new HouseholdBankCardCorrectedEvent(cardNo, cipher.encrypt(card.plain(), cardNo, BANK_CARD_FIELD),
                card.masked(), bankCardMasked, reason));
    }

    /**
     * Moves the household to another village of the county (VILLAGE_UNKNOWN otherwise; VILLAGE_UNCHANGED for its own).
     * A household that exited may be corrected too: the register keeps where it lives whatever its status.
     */
    @CommandHandler
    void handle(CorrectHouseholdVillageCommand command, Gazetteer gazetteer) {
        String code = command.villageCode() == null ? "" : command.villageCode().strip();
        Place village = gazetteer.village(code).orElseThrow(() -> Refusal.invalidField("VILLAGE_UNKNOWN",
                "villageCode", "no village of the county has this code"));
        String reason = requireReason(command.reason());
        if (village.code().equals(villageCode)) {
            throw Refusal.invalidField("VILLAGE_UNCHANGED", "villageCode", "the household is in this village already");
        }
        apply(new HouseholdVillageCorrectedEvent(cardNo, villageCode, townshipCode, village.code(),
                village.parentCode(), reason));
    }

    @CommandHandler
    HouseholdPersonalData handle(RevealHouseholdPersonalDataCommand command, PersonalDataCipher cipher) {
        String reason = Text.isBlank(command.reason()) ? null : command.reason().strip();
        if (reason != null && (reason.length() > REASON_LENGTH_MAX || Text.hasControlCharacters(reason))) {
            throw Refusal.invalidField("REASON_INVALID", "reason", "the reason is too long or holds control characters");
        }
        apply(new HouseholdPersonalDataViewedEvent(cardNo, reason));
        return new HouseholdPersonalData(cipher.decrypt(idNumberCiphertext, cardNo, ID_NUMBER_FIELD),
                cipher.decrypt(bankCardCiphertext, cardNo, BANK_CARD_FIELD));
    }

    /** The reason of a correction, stripped: required, at most 500 characters, no control characters. */
    private static String requireReason(String reason) {
        if (Text.isBlank(reason)) {
            throw Refusal.invalidField("REASON_REQUIRED", "reason", "a reason is required");
        }
        if (reason.length() > REASON_LENGTH_MAX || Text.hasControlCharacters(reason)) {
            throw Refusal.invalidField("REASON_INVALID", "reason", "the reason is too long or holds control characters");
        }
        return reason.strip();
    }

    private void requireChange(int year, String reason) {
        if (!FiscalYear.isValid(year)) {
            throw Refusal.invalidField("YEAR_OUT_OF_RANGE", "year", "the year is outside 2000-2100");
        }
        if (Text.isBlank(reason)) {
            throw Refusal.invalidField("REASON_REQUIRED", "reason", "a reason is required");
        }
        if (reason.length() > REASON_LENGTH_MAX || Text.hasControlCharacters(reason)) {
            throw Refusal.invalidField("REASON_INVALID", "reason", "the reason is too long or holds control characters");
        }
        if (year < lastChangeYear) {
            throw Refusal.conflict("YEAR_BEFORE_LAST_CHANGE",
                    "the year is earlier than the household's last change of status");
        }
    }

    @EventSourcingHandler
    void on(HouseholdRegisteredEvent event) {
        cardNo = event.cardNo();
        streamId = HouseholdCardNo.streamIdOf(cardNo);
        headName = event.headName();
        idNumberCiphertext = event.idNumberCiphertext();
        bankCardCiphertext = event.bankCardCiphertext();
        bankCardMasked = event.bankCardMasked();
        villageCode = event.villageCode();
        townshipCode = event.townshipCode();
        members = event.members();
        migrant = event.migrant();
        status = HouseholdStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(HouseholdBankCardCorrectedEvent event) {
        bankCardCiphertext = event.bankCardCiphertext();
        bankCardMasked = event.bankCardMasked();
    }

    @EventSourcingHandler
    void on(HouseholdVillageCorrectedEvent event) {
        villageCode = event.villageCode();
        townshipCode = event.townshipCode();
    }

    @EventSourcingHandler
    void on(HouseholdExitedEvent event) {
        status = HouseholdStatus.EXITED;
        lastChangeYear = event.year();
    }

    @EventSourcingHandler
    void on(HouseholdReturnedEvent event) {
        status = HouseholdStatus.RETURNED;
        lastChangeYear = event.year();
    }

    @EventSourcingHandler
    void on(HouseholdStartupGrantClaimedEvent event) {
        startupGrant = event.disbursementId();
    }

    @EventSourcingHandler
    void on(CadreRelativeDeclaredEvent event) {
        relatedCadres.add(event.cadre());
    }

    @EventSourcingHandler
    void on(HouseholdStartupGrantReleasedEvent event) {
        startupGrant = null;
    }
}
