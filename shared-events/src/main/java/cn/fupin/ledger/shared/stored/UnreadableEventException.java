package cn.fupin.ledger.shared.stored;

/**
 * A stored event this code cannot read as what it was when stored: of a type it does not have, or of a revision of its
 * class that no upcaster brings to the revision it reads, or whose content contradicts itself. Never caught to skip the
 * event: a processor that meets it stops and retries, a command that loads it fails.
 */
public class UnreadableEventException extends IllegalStateException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
