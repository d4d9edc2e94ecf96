package cn.fupin.ledger.command.disbursement;

import cn.fupin.ledger.command.household.Household;
import cn.fupin.ledger.command.project.Project;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.disbursement.DisbursementRequestedEvent;
import cn.fupin.ledger.shared.disbursement.PayeeKind;
import cn.fupin.ledger.shared.disbursement.RequestDisbursementCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.money.Money;
import cn.fupin.ledger.shared.place.VillageCode;
import cn.fupin.ledger.shared.project.BudgetLine;
import cn.fupin.ledger.shared.workarea.Beneficiary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.stereotype.Component;

/**
 * Records a payment request (拨付申请) from an approved project to its village or to a household (a start-up grant),
 * in one unit of work with the project (which holds the amount as pending against its budget lines) and the
 * household (which claims its one start-up grant), and registers the voucher in the same transaction.
 *
 * <p>Targeting (DOMAIN.md, "Targeting" / 特惠): a village-targeted project pays only its own village, never a
 * household; a household project pays only households, each a registered household of the project's township that has
 * not exited, at least 3,000 yuan, at most the project's subsidy standard per household when it states one in fen,
 * once (DOMAIN.md, "Money"). Checked in this order, the first rule broken refuses:
 * the fields (422), the project (404, PROJECT_NOT_PAYABLE), the payee, the budget, the voucher.
 */
@Component
class DisbursementRequester {

    private final Payments payments;
    private final VoucherRegister vouchers;

    DisbursementRequester(Configuration axon, EventStore eventStore, VoucherRegister vouchers) {
        this.payments = new Payments(axon, eventStore);
        this.vouchers = vouchers;
    }

    /** The payee as the request names it, once its shape is checked. */
    private record Payee(PayeeKind kind, String villageCode, String cardNo) {
    }

    @CommandHandler
    void handle(RequestDisbursementCommand command) {
        Objects.requireNonNull(command.disbursementId(), "a request carries the id it will be recorded under");
        Objects.requireNonNull(command.projectId(), "a request names its project");
        Objects.requireNonNull(command.actor(), "a request carries who requests it");
        List<FieldProblem> problems = new ArrayList<>();
        if (command.amountFen() <= 0) {
            problems.add(FieldProblem.of("amountFen", "AMOUNT_NOT_POSITIVE", "a payment is a positive number of fen"));
        }
        String voucherNo = Payments.voucherNo(command.voucherNo(), problems);
        Payee payee = payee(command.villageCode(), command.cardNo(), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }

        String disbursementId = command.disbursementId().value();
        if (payments.exists(disbursementId)) {
            throw Refusal.conflict("DISBURSEMENT_EXISTS", "a disbursement with this id is recorded already");
        }
        Aggregate<Project> project = payments.project(command.projectId().value());
        project.execute(Project::requirePayable);
        Beneficiary beneficiary = project.invoke(Project::beneficiary);
        Optional<Aggregate<Household>> household = Optional.empty();
        String townshipCode;
        if (payee.kind() == PayeeKind.VILLAGE) {
            if (beneficiary != Beneficiary.VILLAGE) {
                throw Refusal.conflict("PAYEE_KIND_MISMATCH",
                        "a household project pays households (start-up grants), not a village");
            }
            if (!payee.villageCode().equals(project.invoke(Project::villageCode))) {
                throw Refusal.conflict("PAYEE_NOT_PROJECT_VILLAGE", "a village project pays its own village only");
            }
            townshipCode = new VillageCode(payee.villageCode()).township().value();
        } else {
            if (beneficiary != Beneficiary.HOUSEHOLDS) {
                throw Refusal.conflict("PAYEE_KIND_MISMATCH",
                        "a village project's funds go to the village as a whole, never to a household");
            }
            household = payments.household(payee.cardNo());
            Household payeeHousehold = household
                    .orElseThrow(() -> Refusal.notFound("HOUSEHOLD_NOT_FOUND", "no household has this card number"))
                    .invoke(h -> h);
            String projectTownship = project.invoke(Project::townshipCode);
            if (payeeHousehold.exited() || !projectTownship.equals(payeeHousehold.townshipCode())) {
                throw Refusal.conflict("HOUSEHOLD_NOT_ELIGIBLE", "only a registered household that has not exited "
                        + "and lives in the project's township receives its grant");
            }
            if (command.amountFen() < Payments.STARTUP_GRANT_MIN_FEN) {
                throw Refusal.invalidField("GRANT_BELOW_MINIMUM", "amountFen", "a start-up grant is at least "
                        + Payments.STARTUP_GRANT_MIN_FEN + " fen (3,000 yuan)");
            }
            Long standardFen = project.invoke(Project::subsidyStandardFen);
            if (standardFen != null && command.amountFen() > standardFen) {
                throw Refusal.conflict("ABOVE_SUBSIDY_STANDARD", "the grant is above the project's subsidy standard "
                        + "of " + Money.yuan(standardFen) + " per household");
            }
            if (payeeHousehold.startupGrant() != null) {
                throw Refusal.conflict("DUPLICATE_STARTUP_GRANT", "the household's start-up grant is requested or "
                        + "paid already; another may be requested only once that one is rejected or reversed");
            }
            payee = new Payee(PayeeKind.HOUSEHOLD, payeeHousehold.villageCode(), payee.cardNo());
            townshipCode = payeeHousehold.townshipCode();
        }
        List<BudgetLine> fromFunds = project.invoke(p -> p.split(command.amountFen()));
        Payments.requireFree(vouchers, List.of(voucherNo));

        String projectId = command.projectId().value();
        DisbursementRequestedEvent request = new DisbursementRequestedEvent(disbursementId, projectId, payee.kind(),
                payee.villageCode(), townshipCode, payee.cardNo(), command.amountFen(), fromFunds, voucherNo, null,
                command.actor().username());
        payments.newDisbursement(() -> new Disbursement(request));
        project.execute(p -> p.requestPayment(disbursementId, command.amountFen(), fromFunds));
        household.ifPresent(h -> h.execute(
                payeeHousehold -> payeeHousehold.claimStartupGrant(disbursementId, projectId, command.amountFen())));
        vouchers.register(Map.of(voucherNo, disbursementId));
    }

    /** Exactly one of a village code and a card number, each of its shape; or problems naming the fields. */
    private static Payee payee(String villageCode, String cardNo, List<FieldProblem> problems) {
        boolean village = !Text.isBlank(villageCode);
        boolean household = !Text.isBlank(cardNo);
        if (village == household) {
            String code = village ? "PAYEE_AMBIGUOUS" : "PAYEE_REQUIRED";
            String message = village ? "a payment goes to a village or to a household, not both"
                    : "a payment goes to a village (villageCode) or to a household (cardNo)";
            problems.add(FieldProblem.of("villageCode", code, message));
            problems.add(FieldProblem.of("cardNo", code, message));
            return null;
        }
        if (village) {
            String code = villageCode.strip();
            if (!code.matches("\\d{12}")) {
                problems.add(FieldProblem.of("villageCode", "VILLAGE_CODE_INVALID", "a village code has 12 digits"));
                return null;
            }
            return new Payee(PayeeKind.VILLAGE, code, null);
        }
        String card = cardNo.strip();
        try {
            return new Payee(PayeeKind.HOUSEHOLD, null, new HouseholdCardNo(card).value());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("cardNo", "CARD_NO_INVALID",
                    "a card number is 1 to 32 letters, digits or hyphens"));
            return null;
        }
    }

    /**
     * The refusal of invalid fields (422): the code of the problem when there is one kind of problem (a payee named
     * twice is one problem of two fields), DISBURSEMENT_INVALID when there are several, every field named.
     */
    private static Refusal invalid(List<FieldProblem> problems) {
        List<String> codes = problems.stream().map(FieldProblem::code).distinct().toList();
        String code = codes.size() == 1 ? codes.get(0) : "DISBURSEMENT_INVALID";
        String message = codes.size() == 1 ? problems.get(0).message()
                : "the payment was not requested: " + codes.size() + " fields are invalid";
        return Refusal.invalid(code, message, problems);
    }
}
