package cn.fupin.ledger.ops.generate;

import java.time.Duration;
import java.util.Map;

/**
 * What a generation built, as the generator counted its own commands, and what the store held at its end: printed at
 * the end of a run and returned to tests, which check it against the store.
 *
 * @param events          events in the store when the generator finished (the publisher's notices included)
 * @param households      households imported through the register files
 * @param projects        projects proposed (start-up grant projects and round proposals included)
 * @param payments        payments approved: tranches to villages and start-up grants in batches
 * @param grants          start-up grants paid (part of {@code payments})
 * @param reversals       payments reversed
 * @param ungranted       households registered at the end (not exited) that hold no start-up grant: those whose
 *                        listing an upheld objection withdrew in the last year
 * @param commands        commands sent, by kind
 * @param digest          SHA-256 of every command the generator decided, in order
 */
public record GenerationSummary(String countyCode, int years, long seed, long events, long households,
                                long projects, long payments, long grants, long reversals, long ungranted, long exits, long returns,
                                long objections, long upheld, long rounds, Map<String, Long> commands, String digest,
                                Duration elapsed) {
}
