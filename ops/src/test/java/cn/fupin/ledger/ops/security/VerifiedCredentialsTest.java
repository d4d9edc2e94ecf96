package cn.fupin.ledger.ops.security;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedCredentialsTest {

    static final Instant START = Instant.parse("2035-03-01T08:00:00Z");
    static final String STORED = "{bcrypt}$2a$10$storedHashOfTheRightPassword";

    final SettableClock clock = new SettableClock(START);
    final VerifiedCredentials credentials = new VerifiedCredentials(Duration.ofMinutes(5), 3, new LoginClock(clock));

    @Test
    void aRememberedPasswordIsTakenAgainForItsUser() {
        credentials.remember("keeper", credentials.digest("keeper", "right"), STORED);

        assertThat(credentials.verified("keeper", credentials.digest("keeper", "right"), STORED)).isTrue();
        assertThat(credentials.verified("KEEPER", credentials.digest("Keeper", "right"), STORED)).isTrue();
    }

    @Test
    void anotherPasswordIsNeverTakenForARememberedOne() {
        credentials.remember("keeper", credentials.digest("keeper", "right"), STORED);

        assertThat(credentials.verified("keeper", credentials.digest("keeper", "wrong"), STORED)).isFalse();
        assertThat(credentials.verified("keeper", credentials.digest("keeper", "right "), STORED)).isFalse();
        assertThat(credentials.verified("keeper", credentials.digest("keeper", ""), STORED)).isFalse();
        assertThat(credentials.verified("keeper", credentials.digest("keeper", "Right"), STORED)).isFalse();
    }

    @Test
    void aRememberedPasswordIsNotTakenForAnotherUser() {
        credentials.remember("keeper", credentials.digest("keeper", "right"), STORED);

        assertThat(credentials.verified("other", credentials.digest("other", "right"), STORED)).isFalse();
        assertThat(credentials.verified("other", credentials.digest("keeper", "right"), STORED)).isFalse();
    }

    @Test
    void theSplitBetweenNameAndPasswordIsPartOfTheDigest() {
        assertThat(credentials.digest("ab", "c")).isNotEqualTo(credentials.digest("a", "bc"));
        assertThat(credentials.digest("a\0b", "c")).isNotEqualTo(credentials.digest("a", "b\0c"));
    }

    @Test
    void aRememberedPasswordIsForgottenAfterItsTimeToLive() {
        credentials.remember("keeper", credentials.digest("keeper", "right"), STORED);

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(credentials.verified("keeper", credentials.digest("keeper", "right"), STORED)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(credentials.verified("keeper", credentials.digest("keeper", "right"), STORED)).isFalse();
    }

    @Test
    void aSystemClockSetBackForgetsTheRememberedPassword() {
        credentials.remember("keeper", credentials.digest("keeper", "right"), STORED);

        clock.set(START.minusSeconds(1));

        assertThat(credentials.verified("keeper", credentials.digest("keeper", "right"), STORED)).isFalse();
    }

    @Test
    void aChangedStoredPasswordEndsTheRememberedOne() {
        credentials.remember("keeper", credentials.digest("keeper", "right"), STORED);

        assertThat(credentials.verified("keeper", credentials.digest("keeper", "right"), "{bcrypt}$2a$10$newHash"))
                .isFalse();
    }

    @Test
    void atMostTheConfiguredNumberOfUsersIsRemembered() {
        for (int user = 0; user < 50; user++) {
            credentials.remember("user" + user, credentials.digest("user" + user, "right"), STORED);
        }

        assertThat(credentials.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 3, new LoginClock(clock));
        off.remember("keeper", off.digest("keeper", "right"), STORED);

        assertThat(off.enabled()).isFalse();
        assertThat(off.verified("keeper", off.digest("keeper", "right"), STORED)).isFalse();
        assertThat(off.size()).isZero();
    }

    @Test
    void eachProcessDigestsWithAKeyOfItsOwn() {
        VerifiedCredentials another = new VerifiedCredentials(Duration.ofMinutes(5), 3, new LoginClock(clock));

        assertThat(another.digest("keeper", "right")).isNotEqualTo(credentials.digest("keeper", "right"));
    }
}
