package cn.fupin.ledger.command.place;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.assessment.RecordTownshipAssessmentCommand;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.place.TownshipCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Township assessments: {@code POST /api/townships/{code}/assessments} (CLERK). */
@RestController
class TownshipController {

    private static final BigDecimal SCORE_MAX = BigDecimal.valueOf(100);

    private final CommandGateway commands;

    TownshipController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code score} is out of 100 with at most two decimals, as printed on the assessment document (e.g. 92.5). */
    record AssessmentRequest(@NotNull Integer year, @NotNull BigDecimal score, String documentNo) {
    }

    record Assessed(String townshipCode, int year) {
    }

    @PostMapping("/api/townships/{code}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    Assessed record(@PathVariable String code, @Valid @RequestBody AssessmentRequest request) {
        TownshipCode township;
        try {
            township = new TownshipCode(code);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("TOWNSHIP_NOT_FOUND", "no township of the county has this code");
        }
        commands.sendAndWait(new RecordTownshipAssessmentCommand(township, request.year(),
                scoreHundredths(request.score()), request.documentNo(), Actors.current()));
        return new Assessed(township.value(), request.year());
    }

    /**
     * The score in hundredths of a point, the unit the ledger keeps it in (92.5 is 9250). The decimal arrives exactly
     * as written (no floating point) and is converted here, at the edge, once.
     */
    static int scoreHundredths(BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(SCORE_MAX) > 0) {
            throw Refusal.invalidField("SCORE_OUT_OF_RANGE", "score", "an assessment scores 0 to 100 points");
        }
        if (score.stripTrailingZeros().scale() > 2) {
            throw Refusal.invalidField("SCORE_PRECISION", "score", "a score has at most two decimals");
        }
        return score.movePointRight(2).intValueExact();
    }
}
