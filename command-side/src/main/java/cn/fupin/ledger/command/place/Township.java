package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.assessment.RecordTownshipAssessmentCommand;
import cn.fupin.ledger.shared.assessment.TownshipAssessedEvent;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.common.Text;
import cn.fupin.ledger.shared.competition.AssessmentUsed;
import cn.fupin.ledger.shared.fund.FiscalYear;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.TownshipCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A township (乡镇) of the county, as far as the ledger decides anything about it: its yearly performance
 * assessments (乡镇考核结果), which the next year's competitive rounds read as their main criterion (seed: 竞争立项,
 * 以上年度乡镇考核结果为主要依据). Invariants: it is a township of the county's gazetteer; a year is assessed at most
 * once, with a score out of 100 in hundredths of a point and the document it comes from.
 */
@Aggregate
public class Township {

    static final int DOCUMENT_NO_LENGTH_MAX = 64;
    static final int SCORE_HUNDREDTHS_MAX = 100_00;

    /** {@code TWN-} and the code: the townships' own identifier space ({@link TownshipCode#streamId()}). */
    @AggregateIdentifier
    private String streamId;
    private final Map<Integer, AssessmentUsed> assessmentsByYear = new HashMap<>();

    protected Township() {
        // Axon rebuilds the township from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordTownshipAssessmentCommand command, Gazetteer gazetteer) {
        if (gazetteer.township(command.township().value()).isEmpty()) {
            throw Refusal.notFound("TOWNSHIP_NOT_FOUND", "no township of the county has this code");
        }
        if (!FiscalYear.isValid(command.year())) {
            throw Refusal.invalidField("YEAR_OUT_OF_RANGE", "year", "the year is outside 2000-2100");
        }
        if (command.scoreHundredths() < 0 || command.scoreHundredths() > SCORE_HUNDREDTHS_MAX) {
            throw Refusal.invalidField("SCORE_OUT_OF_RANGE", "score", "an assessment scores 0 to 100 points");
        }
        if (Text.isBlank(command.documentNo())) {
            throw Refusal.invalidField("DOCUMENT_NO_REQUIRED", "documentNo", "an assessment needs its document number");
        }
        String documentNo = command.documentNo().strip();
        if (documentNo.length() > DOCUMENT_NO_LENGTH_MAX || Text.hasAnyControlCharacters(documentNo)) {
            throw Refusal.invalidField("DOCUMENT_NO_INVALID", "documentNo",
                    "the document number is too long or holds control characters");
        }
        if (assessmentsByYear.containsKey(command.year())) {
            throw Refusal.conflict("ASSESSMENT_ALREADY_RECORDED", "the township's assessment for that year is recorded already");
        }
        apply(new TownshipAssessedEvent(command.township().value(), command.year(), command.scoreHundredths(),
                documentNo, command.actor().username()));
    }

    /** The assessment recorded for the year, as a closing round uses it; empty when none is recorded. */
    public Optional<AssessmentUsed> assessmentOf(int year) {
        return Optional.ofNullable(assessmentsByYear.get(year));
    }

    @EventSourcingHandler
    void on(TownshipAssessedEvent event) {
        streamId = TownshipCode.streamIdOf(event.townshipCode());
        assessmentsByYear.put(event.year(), new AssessmentUsed(event.townshipCode(), event.year(),
                event.scoreHundredths(), event.documentNo()));
    }
}
