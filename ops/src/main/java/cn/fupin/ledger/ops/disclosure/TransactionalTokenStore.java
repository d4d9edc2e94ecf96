package cn.fupin.ledger.ops.disclosure;

import java.util.List;
import java.util.Optional;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * A token store whose every operation is a short transaction of its own: for a processor that runs its batches
 * without a transaction ({@link PublicPagesConfiguration}), so that a token is claimed, extended and stored exactly as
 * the shared JPA token store does it, while the work between those steps holds no database connection.
 */
final class TransactionalTokenStore implements TokenStore {

    private final TokenStore tokens;
    private final TransactionManager transactions;

    TransactionalTokenStore(TokenStore tokens, TransactionManager transactions) {
        this.tokens = tokens;
        this.transactions = transactions;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        transactions.executeInTransaction(() -> tokens.initializeTokenSegments(processorName, segmentCount));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        transactions.executeInTransaction(() -> tokens.initializeTokenSegments(processorName, segmentCount,
                initialToken));
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        transactions.executeInTransaction(() -> tokens.storeToken(token, processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return transactions.fetchInTransaction(() -> tokens.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return transactions.fetchInTransaction(() -> tokens.fetchToken(processorName, segment));
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        transactions.executeInTransaction(() -> tokens.extendClaim(processorName, segment));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        transactions.executeInTransaction(() -> tokens.releaseClaim(processorName, segment));
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        transactions.executeInTransaction(() -> tokens.initializeSegment(token, processorName, segment));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        transactions.executeInTransaction(() -> tokens.deleteToken(processorName, segment));
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return tokens.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName));
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return transactions.fetchInTransaction(() -> tokens.fetchAvailableSegments(processorName));
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return transactions.fetchInTransaction(tokens::retrieveStorageIdentifier);
    }
}
