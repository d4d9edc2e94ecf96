package cn.fupin.ledger.ops.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginFailuresKeyTest {

    @Test
    void aUserNameIsCountedWithoutRegardToCaseAsTheUserStoreComparesIt() {
        assertThat(LoginFailures.key(LoginFailures.Kind.USERNAME, "Clerk"))
                .isEqualTo(LoginFailures.key(LoginFailures.Kind.USERNAME, "clerk"));
    }

    @Test
    void aNameAndAnAddressOfTheSameTextAreCountedApart() {
        assertThat(LoginFailures.key(LoginFailures.Kind.USERNAME, "127.0.0.1"))
                .isNotEqualTo(LoginFailures.key(LoginFailures.Kind.ADDRESS, "127.0.0.1"));
    }

    @Test
    void anyUserNameMakesAKeyOfOneLength() {
        assertThat(LoginFailures.key(LoginFailures.Kind.USERNAME, "x".repeat(10_000))).hasSize(64);
        assertThat(LoginFailures.key(LoginFailures.Kind.USERNAME, "")).hasSize(64);
    }

    @Test
    void anIpv6AddressIsCountedByItsNetwork() {
        assertThat(LoginFailures.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginFailures.key(LoginFailures.Kind.ADDRESS, "2001:db8:1:2::1"))
                .isEqualTo(LoginFailures.key(LoginFailures.Kind.ADDRESS, "2001:db8:1:2:ffff::9"));
        assertThat(LoginFailures.key(LoginFailures.Kind.ADDRESS, "2001:db8:1:3::1"))
                .isNotEqualTo(LoginFailures.key(LoginFailures.Kind.ADDRESS, "2001:db8:1:2::1"));
        assertThat(LoginFailures.network("192.0.2.7")).isEqualTo("192.0.2.7");
    }
}
