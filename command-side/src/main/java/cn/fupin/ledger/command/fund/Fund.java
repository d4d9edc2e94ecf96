package cn.fupin.ledger.command.fund;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import cn.fupin.ledger.shared.fund.FundsAppropriatedEvent;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of one source for one fiscal year. Invariants enforced here, because every appropriation of the
 * fund passes through this aggregate and two racing commands collide on its event sequence:
 * <ul>
 *   <li>every appropriation is a positive number of fen, with a document number;</li>
 *   <li>a document number is appropriated to a fund at most once (a document entered twice is a typing error);</li>
 *   <li>the fund's total fits in a {@code long} (exact arithmetic, never wraps).</li>
 * </ul>
 */
@Aggregate
public class Fund {

    static final int DOCUMENT_NO_LENGTH_MAX = 64;
    static final int NOTE_LENGTH_MAX = 500;

    @AggregateIdentifier
    private String fundId;
    private long appropriatedFen;
    private final Set<String> documentNos = new HashSet<>();
    private final Set<String> appropriationIds = new HashSet<>();

    protected Fund() {
        // Axon rebuilds the fund from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AppropriateFundsCommand command) {
        requireValid(command.fiscalYear(), command.source(), command.amountFen(), command.documentNo(), command.note());
        if (!FundId.of(command.fiscalYear(), command.source()).equals(command.fundId())) {
            throw Refusal.conflict("FUND_MISMATCH", "the fund does not hold money of that source and year");
        }
        if (appropriationIds.contains(command.appropriationId())) {
            throw Refusal.conflict("DUPLICATE_APPROPRIATION", "this appropriation is recorded already");
        }
        String documentNo = command.documentNo().strip();
        if (documentNos.contains(documentNo)) {
            throw Refusal.conflict("DUPLICATE_DOCUMENT_NO",
                    "an appropriation with this document number is recorded for this fund already");
        }
        long total;
        try {
            total = Math.addExact(appropriatedFen, command.amountFen());
        } catch (ArithmeticException overflow) {
            throw Refusal.conflict("AMOUNT_OVERFLOW", "the fund's total would exceed what the ledger can hold");
        }
        apply(new FundsAppropriatedEvent(command.fundId().value(), command.appropriationId(), command.fiscalYear(),
                command.source(), command.amountFen(), documentNo, blankToNull(command.note()), total));
    }

    private static void requireValid(int fiscalYear, FundSource source, long amountFen, String documentNo, String note) {
        if (!FiscalYear.isValid(fiscalYear)) {
            throw Refusal.invalidField("FISCAL_YEAR_OUT_OF_RANGE", "fiscalYear", "the fiscal year is outside 2000-2100");
        }
        if (source == null) {
            throw Refusal.invalidField("SOURCE_REQUIRED", "source", "a fund source is required");
        }
        if (amountFen <= 0) {
            throw Refusal.invalidField("AMOUNT_NOT_POSITIVE", "amountFen", "an appropriation is a positive number of fen");
        }
        if (Text.isBlank(documentNo)) {
            throw Refusal.invalidField("DOCUMENT_NO_REQUIRED", "documentNo", "an appropriation needs its document number (文号)");
        }
        if (documentNo.strip().length() > DOCUMENT_NO_LENGTH_MAX || Text.hasAnyControlCharacters(documentNo.strip())) {
            throw Refusal.invalidField("DOCUMENT_NO_INVALID", "documentNo", "the document number is too long or holds control characters");
        }
        if (note != null && (note.length() > NOTE_LENGTH_MAX || Text.hasControlCharacters(note))) {
            throw Refusal.invalidField("NOTE_INVALID", "note", "the note is too long or holds control characters");
        }
    }

    private static String blankToNull(String text) {
        return Text.isBlank(text) ? null : text.strip();
    }

    @EventSourcingHandler
    void on(FundsAppropriatedEvent event) {
        fundId = event.fundId();
        appropriatedFen = event.appropriatedTotalFen();
        documentNos.add(event.documentNo());
        appropriationIds.add(event.appropriationId());
    }
}
