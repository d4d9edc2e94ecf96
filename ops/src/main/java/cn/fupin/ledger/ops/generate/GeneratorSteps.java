package cn.fupin.ledger.ops.generate;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.shared.common.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends the generator's commands in-process as the person who would send them (the event metadata names them as a
 * logged-in request's would), counts them by kind, and keeps a SHA-256 digest of everything the generator decided, in
 * order: each command as it was built (records print their fields), or, where the ledger makes the command's ids
 * itself (a register import's id), what the generator chose (the file's digest). Two runs with the same seed on empty
 * ledgers give the same digest.
 */
final class GeneratorSteps {

    private final CommandGateway commands;
    private final MessageDigest digest;
    private final Map<String, Long> counts = new TreeMap<>();
    private long sent;

    GeneratorSteps(CommandGateway commands) {
        this.commands = commands;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Sends {@code command} as {@code actor} and waits for its answer. */
    <R> R send(Actor actor, Object command) {
        record(command.getClass().getSimpleName(), actor + " " + command);
        Object[] answer = new Object[1];
        Actors.runAs(actor, () -> answer[0] = commands.sendAndWait(command));
        @SuppressWarnings("unchecked")
        R result = (R) answer[0];
        return result;
    }

    /** Runs a step that sends its command another way (a register file), recording {@code decided} for the digest. */
    <R> R run(Actor actor, String kind, String decided, Supplier<R> step) {
        record(kind, actor + " " + decided);
        Object[] answer = new Object[1];
        Actors.runAs(actor, () -> answer[0] = step.get());
        @SuppressWarnings("unchecked")
        R result = (R) answer[0];
        return result;
    }

    private synchronized void record(String kind, String decided) {
        digest.update(decided.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        counts.merge(kind, 1L, Long::sum);
        sent++;
    }

    synchronized long sent() {
        return sent;
    }

    synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** The digest of every decision so far (a copy: the running digest goes on). */
    synchronized String digest() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK can be cloned", e);
        }
    }
}
