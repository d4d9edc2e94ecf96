package cn.fupin.ledger.shared.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The identifier spaces of the ledger. Axon keeps every aggregate's events under its identifier alone
 * ({@code domain_event_entry.aggregate_identifier}) and loads a stream by that identifier, whatever type wrote it; so
 * every aggregate type has a prefix of its own, and two aggregates of different types can never share a stream.
 * Identifiers the ledger makes (funds, projects, payments, rounds, notices, objections, appropriations, imports) carry
 * their prefix in their value and the county's code after it; the places and households, whose identities come from
 * outside (division codes, the register's card numbers), carry the prefix only in the name of their stream
 * ({@link #streamId}), so their events keep the plain code or card number.
 *
 * <p>These formats are a contract from step 5 on: stored streams, published notices and exported files name them.
 */
public enum IdSpace {

    FUND("FUND-"),
    PROJECT("PRJ-"),
    DISBURSEMENT("DSB-"),
    GRANT_BATCH("GB-"),
    COMPETITION("CMP-"),
    NOTICE("NTC-"),
    HOUSEHOLD("HH-"),
    VILLAGE("VIL-"),
    TOWNSHIP("TWN-"),
    /** Not an aggregate: an objection lives in its notice's stream. */
    OBJECTION("OBJ-"),
    /** Not an aggregate: an appropriation lives in its fund's stream. */
    APPROPRIATION("APPR-"),
    /** Not an aggregate: an import of a register names the households it registered. */
    REGISTER_IMPORT("IMPORT-"),
    /** The reviews of one red-flag finding: {@code RFR-} and the finding's id (its rule, subject and key). */
    RED_FLAG_REVIEW("RFR-"),
    /** An auditor's screening list (a death list, a payroll roster), kept as fingerprints only. */
    SCREENING_LIST("SCREEN-"),
    /** The notices the automatic publisher skipped: {@code SKP-} and the notice's id, its skips and retries. */
    SKIPPED_NOTICE("SKP-");

    private final String prefix;

    IdSpace(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /**
     * The stream of the place or household {@code naturalId} (a division code, a card number): the prefix and the
     * identity, e.g. {@code VIL-510824100001}. Only for the spaces whose values carry no prefix of their own.
     */
    public String streamId(String naturalId) {
        if (this != HOUSEHOLD && this != VILLAGE && this != TOWNSHIP) {
            throw new IllegalStateException(this + " ids carry their prefix in their value: the value is the stream");
        }
        if (naturalId == null || naturalId.isBlank()) {
            throw new IllegalArgumentException("a " + name().toLowerCase(Locale.ROOT) + " stream needs its identity");
        }
        return prefix + naturalId;
    }

    /** The space whose prefix {@code value} begins with, ignoring case; empty for a value of none. */
    public static Optional<IdSpace> ofPrefix(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(space -> upper.startsWith(space.prefix)).findFirst();
    }
}
