package cn.fupin.ledger.command.household;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.CorrectHouseholdBankCardCommand;
import cn.fupin.ledger.shared.household.CorrectHouseholdVillageCommand;
import cn.fupin.ledger.shared.household.DeclareCadreRelativeCommand;
import cn.fupin.ledger.shared.household.ExitHouseholdCommand;
import cn.fupin.ledger.shared.household.HouseholdCardNo;
import cn.fupin.ledger.shared.household.PersonalData;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.household.ReturnHouseholdCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The household register: CSV imports, exits and returns, corrections of bank card and village (CLERK). */
@RestController
class HouseholdController {

    private final CommandGateway commands;
    private final HouseholdRegisterFiles files;

    HouseholdController(CommandGateway commands, HouseholdRegisterFiles files) {
        this.commands = commands;
        this.files = files;
    }

    record StatusChangeRequest(@NotNull @Min(2000) @Max(2100) Integer year,
                               @NotBlank @Size(max = Household.REASON_LENGTH_MAX) String reason) {
    }

    record StatusChanged(String cardNo, String status) {
    }

    /** A corrected bank card: the plain number, which is never echoed back. */
    record BankCardCorrectionRequest(String bankCard, String reason) {

        @Override
        public String toString() {
            return "BankCardCorrectionRequest[bankCard=" + PersonalData.mask(bankCard)
                    + ", reason=" + reason + "]";
        }
    }

    record VillageCorrectionRequest(String villageCode, String reason) {
    }

    /** What was corrected: the card shown masked, or the village. */
    record Corrected(String cardNo, String field, String value) {
    }

    record CadreRelativeRequest(String cadre, String relation, String reason) {
    }

    record CadreRelativeDeclared(String cardNo, String cadre) {
    }

    /**
     * The register as the body, {@code Content-Type: text/csv} and nothing else (UTF-8 unless a charset is given, such
     * as {@code text/csv; charset=GBK} for a file saved by Excel or WPS in the Chinese Windows code page);
     * {@code fileName} names the file in the record of the import. No other content type is taken (415): a plain
     * HTML form on another site's page can post {@code text/plain}, {@code application/x-www-form-urlencoded} and
     * {@code multipart/form-data} with the clerk's credentials and without asking first, but not {@code text/csv}.
     */
    @PostMapping(path = "/api/households/imports", consumes = "text/csv")
    HouseholdImportResult importCsv(@RequestBody byte[] body,
                                    @RequestHeader(value = "Content-Type", required = false) String contentType,
                                    @RequestParam(defaultValue = "register.csv") String fileName)
            throws HttpMediaTypeNotSupportedException {
        return files.importFile(body, charsetOf(contentType), fileName);
    }

    @PostMapping("/api/households/{cardNo}/exit")
    StatusChanged exit(@PathVariable String cardNo, @Valid @RequestBody StatusChangeRequest request) {
        send(new ExitHouseholdCommand(card(cardNo), request.year(), request.reason()));
        return new StatusChanged(cardNo, "EXITED");
    }

    @PostMapping("/api/households/{cardNo}/return")
    StatusChanged returnToRegister(@PathVariable String cardNo, @Valid @RequestBody StatusChangeRequest request) {
        send(new ReturnHouseholdCommand(card(cardNo), request.year(), request.reason()));
        return new StatusChanged(cardNo, "RETURNED");
    }

    /**
     * Corrects the bank card grants are paid to, as a new fact with a reason (CLERK); refusals come from the household:
     * BANK_CARD_INVALID, BANK_CARD_UNCHANGED, BANK_CARD_REGISTERED (another household's card), REASON_REQUIRED.
     */
    @PostMapping("/api/households/{cardNo}/bank-card")
    Corrected correctBankCard(@PathVariable String cardNo, @RequestBody BankCardCorrectionRequest request) {
        send(new CorrectHouseholdBankCardCommand(card(cardNo), request.bankCard(), request.reason()));
        return new Corrected(cardNo, "bankCard",
                PersonalData.mask(request.bankCard().strip()));
    }

    /** Moves the household to another village of the county, as a new fact with a reason (CLERK). */
    @PostMapping("/api/households/{cardNo}/village")
    Corrected correctVillage(@PathVariable String cardNo, @RequestBody VillageCorrectionRequest request) {
        send(new CorrectHouseholdVillageCommand(card(cardNo), request.villageCode(), request.reason()));
        return new Corrected(cardNo, "villageCode", request.villageCode().strip());
    }

    /**
     * Declares the household's head a relative of a cadre (优亲厚友), as CLERK or AUDITOR: a cadre's own declaration
     * reaches the ledger through them, so that who recorded it is an officer whose role is to record it.
     */
    @PostMapping("/api/households/{cardNo}/related-cadres")
    CadreRelativeDeclared declareRelatedCadre(@PathVariable String cardNo, @RequestBody CadreRelativeRequest request) {
        send(new DeclareCadreRelativeCommand(card(cardNo), request.cadre(), request.relation(), request.reason()));
        return new CadreRelativeDeclared(cardNo, request.cadre().strip());
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw notFound();
        }
    }

    private static HouseholdCardNo card(String cardNo) {
        try {
            return new HouseholdCardNo(cardNo);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static Refusal notFound() {
        return Refusal.notFound("HOUSEHOLD_NOT_FOUND", "no household has this card number");
    }

    /** The charset the content type names, UTF-8 when it names none; one Java does not know is refused (415). */
    private static Charset charsetOf(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            throw new HttpMediaTypeNotSupportedException("the charset of the register is not known");
        }
    }
}
