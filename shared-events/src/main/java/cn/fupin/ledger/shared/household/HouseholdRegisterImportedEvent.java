package cn.fupin.ledger.shared.household;

import org.axonframework.serialization.Revision;

/**
 * A household register file was imported: {@code imported} households were registered from its {@code rows} rows
 * (the other {@code unchanged} rows matched the ledger already). {@code fileSha256} is the SHA-256 of the file's
 * bytes as received, so an auditor can prove which file it was; the file itself is not kept (it holds personal
 * data). Recorded in the same transaction as the registrations, and only when at least one household is new.
 */
@Revision("1")
public record HouseholdRegisterImportedEvent(
        String importId,
        String fileName,
        String fileSha256,
        int rows,
        int imported,
        int unchanged) {
}
