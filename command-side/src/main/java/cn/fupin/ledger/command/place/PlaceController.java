package cn.fupin.ledger.command.place;

import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.place.DesignatePoorVillageCommand;
import cn.fupin.ledger.shared.place.VillageCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Poor-village designations: {@code POST /api/places/villages/{code}/poor-designations} (CLERK). */
@RestController
class PlaceController {

    private final CommandGateway commands;

    PlaceController(CommandGateway commands) {
        this.commands = commands;
    }

    record DesignationRequest(@NotNull @Min(2000) @Max(2100) Integer year,
                              @NotBlank @Size(max = Village.DOCUMENT_NO_LENGTH_MAX) String documentNo) {
    }

    record Designated(String villageCode, int year) {
    }

    @PostMapping("/api/places/villages/{code}/poor-designations")
    @ResponseStatus(HttpStatus.CREATED)
    Designated designate(@PathVariable String code, @Valid @RequestBody DesignationRequest request) {
        VillageCode village;
        try {
            village = new VillageCode(code);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("VILLAGE_NOT_FOUND", "no village of the county has this code");
        }
        commands.sendAndWait(new DesignatePoorVillageCommand(village, request.year(), request.documentNo()));
        return new Designated(code, request.year());
    }
}
