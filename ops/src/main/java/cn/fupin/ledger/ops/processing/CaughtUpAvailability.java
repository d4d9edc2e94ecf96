package cn.fupin.ledger.ops.processing;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * The application's availability as Spring Boot keeps it (the last state published of each kind), except that its
 * readiness is {@link ReadinessState#REFUSING_TRAFFIC} until the processors have caught up after the start
 * ({@link StartupCatchUp}). The readiness probe ({@code /actuator/health/readiness}) reads it here, so it never shows
 * ready in the moment between Spring Boot's "ready" and the catch-up, whatever order listeners hear the events in.
 * Liveness is Spring Boot's as it is. Being an {@code ApplicationAvailability}, it replaces the auto-configured
 * {@link ApplicationAvailabilityBean} (which backs off), and it records every change as that one does.
 */
@Component
class CaughtUpAvailability extends ApplicationAvailabilityBean {

    private final StartupCatchUp catchUp;

    CaughtUpAvailability(StartupCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> stateType) {
        if (stateType == ReadinessState.class && !catchUp.caughtUp()) {
            return stateType.cast(ReadinessState.REFUSING_TRAFFIC);
        }
        return super.getState(stateType);
    }
}
