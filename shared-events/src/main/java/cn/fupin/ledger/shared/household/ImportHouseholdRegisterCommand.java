package cn.fupin.ledger.shared.household;

import java.util.List;

/**
 * Import a household register file: every row is recorded or none is. Rows identical to what the ledger holds
 * change nothing. Answered with a {@link HouseholdImportResult}.
 */
public record ImportHouseholdRegisterCommand(String importId, String fileName, List<HouseholdRow> rows) {

    public ImportHouseholdRegisterCommand {
        rows = List.copyOf(rows);
    }
}
