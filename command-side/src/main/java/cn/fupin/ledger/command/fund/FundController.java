package cn.fupin.ledger.command.fund;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.shared.fund.AppropriateFundsCommand;
import cn.fupin.ledger.shared.fund.FundId;
import cn.fupin.ledger.shared.fund.FundSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records appropriations: {@code POST /api/funds/appropriations} (CLERK). */
@RestController
class FundController {

    private final CommandGateway commands;
    private final NewIds ids;

    FundController(CommandGateway commands, NewIds ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record AppropriationRequest(
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotNull FundSource source,
            @NotNull @Positive Long amountFen,
            @NotBlank @Size(max = Fund.DOCUMENT_NO_LENGTH_MAX) String documentNo,
            @Size(max = Fund.NOTE_LENGTH_MAX) String note) {
    }

    record AppropriationRecorded(String fundId, String appropriationId) {
    }

    @PostMapping("/api/funds/appropriations")
    @ResponseStatus(HttpStatus.CREATED)
    AppropriationRecorded appropriate(@Valid @RequestBody AppropriationRequest request) {
        FundId fundId = ids.fund(request.fiscalYear(), request.source());
        String appropriationId = ids.appropriation();
        commands.sendAndWait(new AppropriateFundsCommand(fundId, appropriationId, request.fiscalYear(),
                request.source(), request.amountFen(), request.documentNo(), request.note()));
        return new AppropriationRecorded(fundId.value(), appropriationId);
    }
}
