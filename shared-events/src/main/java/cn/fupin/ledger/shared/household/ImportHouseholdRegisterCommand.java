package cn.fupin.ledger.shared.household;

import cn.fupin.ledger.shared.common.FieldProblem;
import java.util.List;

/**
 * Import a household register file ({@code fileName} as the clerk named it, {@code fileSha256} of its bytes):
 * every row is recorded or none is. Rows identical to what the ledger holds
 * change nothing. Answered with a {@link HouseholdImportResult}.
 *
 * <p>{@code rowProblems} are the problems already found in the cells of the file's other rows (those not in
 * {@code rows}). The import is then refused, but only after the readable rows have been checked against each other
 * and against the ledger too, so that the refusal names every bad row of the file at once.
 */
public record ImportHouseholdRegisterCommand(String importId, String fileName, String fileSha256,
                                             List<HouseholdRow> rows, List<FieldProblem> rowProblems) {

    public ImportHouseholdRegisterCommand {
        rows = List.copyOf(rows);
        rowProblems = List.copyOf(rowProblems);
    }
}
