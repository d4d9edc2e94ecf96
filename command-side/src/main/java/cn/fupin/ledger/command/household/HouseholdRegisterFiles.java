package cn.fupin.ledger.command.household;

import cn.fupin.ledger.command.common.NewIds;
import cn.fupin.ledger.command.common.Uploads;
import cn.fupin.ledger.shared.common.FieldProblem;
import cn.fupin.ledger.shared.common.Refusal;
import cn.fupin.ledger.shared.household.HouseholdImportResult;
import cn.fupin.ledger.shared.household.ImportHouseholdRegisterCommand;
import java.nio.charset.Charset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one path by which a household register file enters the ledger, for the clerk's upload and for the demo
 * loader alike: decode strictly, check every cell, then import every row in one command or refuse naming every
 * bad row.
 */
@Service
public class HouseholdRegisterFiles {

    private final CommandGateway commands;
    private final NewIds ids;
    private final int rowsMax;

    HouseholdRegisterFiles(CommandGateway commands, NewIds ids,
                           @Value("${ledger.households.import-rows-max:50000}") int rowsMax) {
        this.commands = commands;
        this.ids = ids;
        this.rowsMax = rowsMax;
    }

    public HouseholdImportResult importFile(byte[] content, Charset charset, String fileName) {
        String text = decode(content, charset);
        HouseholdCsvParser.Parsed parsed = HouseholdCsvParser.parse(text, rowsMax);
        if (!parsed.problems().isEmpty() && (parsed.rows().isEmpty() || concernTheWholeFile(parsed.problems()))) {
            throw Refusal.invalid("HOUSEHOLD_IMPORT_INVALID",
                    "the register was not imported: " + parsed.problems().size() + " problem(s) in the file",
                    parsed.problems());
        }
        String safeName = fileName.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        // Rows with bad cells still go to the importer with the readable rows, which refuses the file but first checks
        // those rows against each other and the ledger: the refusal names every bad row, not only the first kind.
        return commands.sendAndWait(new ImportHouseholdRegisterCommand(ids.registerImport(),
                safeName.length() > 100 ? safeName.substring(0, 100) : safeName, Uploads.sha256(content), parsed.rows(),
                parsed.problems()));
    }

    /** A missing header, no rows, too many rows: nothing row by row is worth checking further. */
    private static boolean concernTheWholeFile(List<FieldProblem> problems) {
        return problems.stream().anyMatch(problem -> problem.field().equals("file") || problem.field().equals("header"));
    }

    private static String decode(byte[] body, Charset charset) {
        String text = Uploads.decodeStrictly(body, charset);
        if (text == null) {
            String message = "the file is not valid " + charset.name() + " text";
            throw Refusal.invalid("HOUSEHOLD_IMPORT_INVALID", message,
                    List.of(FieldProblem.atLine(0, "file", "ENCODING_INVALID", message)));
        }
        return text;
    }
}
