package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.command.common.Actors;
import cn.fupin.ledger.ops.clock.DemoClock;
import cn.fupin.ledger.shared.common.Refusal;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/demo/clock {advanceDays}} (APPROVER or AUDITOR): moves the demo ledger's clock forward by 1 to
 * 365 days, so that a newcomer can watch publicity periods end and deadlines fire. Time never moves back.
 * {@code GET /api/demo/clock} tells the ledger's time, {@code GET /api/demo/clock/moves} every move since the demo's
 * history began (any staff member). Exists only in the demo profile: elsewhere the paths answer 404.
 */
@RestController
@Profile("demo")
class DemoClockController {

    private final DemoClock clock;

    DemoClockController(DemoClock clock) {
        this.clock = clock;
    }

    record AdvanceRequest(Integer advanceDays) {
    }

    /**
     * The ledger's time after the move, and how many whole days it is ahead of the system clock (negative while the
     * demo loader walks it through the county's history).
     */
    record Moved(Instant now, long offsetDays) {
    }

    /** The ledger's time now, and how many whole days it is ahead of the system clock (any staff member). */
    @GetMapping("/api/demo/clock")
    Moved now() {
        return new Moved(clock.instant(), clock.offset().toDays());
    }

    /** Every move of the clock, in order: the start of the demo's history, the loader's steps, each user's move. */
    @GetMapping("/api/demo/clock/moves")
    List<DemoClock.Move> moves() {
        return clock.moves();
    }

    @PostMapping("/api/demo/clock")
    Moved advance(@RequestBody AdvanceRequest request) {
        if (request.advanceDays() == null || request.advanceDays() < 1
                || request.advanceDays() > DemoClock.ADVANCE_DAYS_MAX) {
            throw Refusal.invalidField("ADVANCE_DAYS_OUT_OF_RANGE", "advanceDays",
                    "the clock moves forward by 1 to " + DemoClock.ADVANCE_DAYS_MAX + " days; never back");
        }
        try {
            clock.advance(request.advanceDays(), Actors.current().username());
        } catch (DemoClock.OffsetLimitReached e) {
            throw Refusal.conflict("CLOCK_OFFSET_LIMIT",
                    "the demo clock is never more than " + DemoClock.OFFSET_DAYS_MAX + " days ahead");
        }
        return new Moved(clock.instant(), clock.offset().toDays());
    }
}
