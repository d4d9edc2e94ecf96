package cn.fupin.ledger.ops.axon;

/** Names of the audit metadata on every command and event. */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String REQUEST_ID = "requestId";
    public static final String REMOTE_ADDRESS = "remoteAddress";
    public static final String REASON = "reason";

    private AuditMetadata() {
    }
}
