package cn.fupin.ledger.command.privacy;

import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    /** Fixed test keys: 32 bytes 0x00..0x1f, and the same bytes reversed. Never the key of any deployment. */
    static final byte[] KEY = key(0);
    static final byte[] OTHER_KEY = key(31);

    static final String CARD = "HK-510824100001-0001";
    static final String ID_NUMBER = "510824198507150018";
    static final String BANK_CARD = "6222021234567890128";

    final PersonalDataCipher cipher = new PersonalDataCipher(KEY);

    static byte[] key(int first) {
        byte[] key = new byte[32];
        IntStream.range(0, 32).forEach(i -> key[i] = (byte) Math.abs(first - i));
        return key;
    }

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");

        assertThat(cipher.decrypt(sealed, CARD, "idNumber")).isEqualTo(ID_NUMBER);
    }

    @Test
    void decryptsWithAnotherInstanceOfTheSameKey() {
        String sealed = cipher.encrypt(BANK_CARD, CARD, "bankCard");

        assertThat(new PersonalDataCipher(KEY).decrypt(sealed, CARD, "bankCard")).isEqualTo(BANK_CARD);
        assertThat(PersonalDataCipher.fromBase64(Base64.getEncoder().encodeToString(KEY)).decrypt(sealed, CARD, "bankCard"))
                .isEqualTo(BANK_CARD);
    }

    @Test
    void roundTripsTextBeyondDigits() {
        String sealed = cipher.encrypt("王大山 11010519491231002X", CARD, "note");

        assertThat(cipher.decrypt(sealed, CARD, "note")).isEqualTo("王大山 11010519491231002X");
    }

    @Test
    void theCiphertextIsVersionedAndNeverHoldsThePlainNumber() {
        String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));

        assertThat(sealed).startsWith("v1:").doesNotContain(ID_NUMBER).doesNotContain(ID_NUMBER.substring(0, 10));
        assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(ID_NUMBER);
        // 12 bytes of nonce, the 18 bytes of the number, 16 bytes of tag
        assertThat(raw).hasSize(12 + 18 + 16);
    }

    @Test
    void encryptingTheSameNumberTwiceGivesTwoDifferentCiphertexts() {
        String first = cipher.encrypt(ID_NUMBER, CARD, "idNumber");
        String second = cipher.encrypt(ID_NUMBER, CARD, "idNumber");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(3, 19)).isNotEqualTo(second.substring(3, 19));
    }

    @Nested
    class DoesNotDecrypt {

        @Test
        void aCiphertextCopiedOntoAnotherHousehold() {
            String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");

            assertThatThrownBy(() -> cipher.decrypt(sealed, "HK-510824100001-0002", "idNumber"))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aCiphertextCopiedOntoAnotherField() {
            String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");

            assertThatThrownBy(() -> cipher.decrypt(sealed, CARD, "bankCard"))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void underAnotherKey() {
            String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");

            assertThatThrownBy(() -> new PersonalDataCipher(OTHER_KEY).decrypt(sealed, CARD, "idNumber"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining(ID_NUMBER);
        }

        @Test
        void anAlteredCiphertext() {
            String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");
            byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
            raw[20] ^= 0x01;
            String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

            assertThatThrownBy(() -> cipher.decrypt(altered, CARD, "idNumber"))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void textWithoutTheVersionPrefix() {
            String sealed = cipher.encrypt(ID_NUMBER, CARD, "idNumber");

            assertThatThrownBy(() -> cipher.decrypt(sealed.substring(3), CARD, "idNumber"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cipher.decrypt(null, CARD, "idNumber"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Fingerprints {

        @Test
        void areTheSameForTheSameNumberKindAndKey() {
            assertThat(cipher.fingerprint("ID_NUMBER", ID_NUMBER))
                    .isEqualTo(new PersonalDataCipher(KEY).fingerprint("ID_NUMBER", ID_NUMBER))
                    .matches("[0-9a-f]{64}")
                    .doesNotContain(ID_NUMBER);
        }

        @Test
        void differUnderAnotherKey() {
            assertThat(cipher.fingerprint("ID_NUMBER", ID_NUMBER))
                    .isNotEqualTo(new PersonalDataCipher(OTHER_KEY).fingerprint("ID_NUMBER", ID_NUMBER));
        }

        @Test
        void differForAnotherKindOfNumber() {
            assertThat(cipher.fingerprint("ID_NUMBER", ID_NUMBER)).isNotEqualTo(cipher.fingerprint("BANK_CARD", ID_NUMBER));
        }

        @Test
        void differForAnotherNumber() {
            assertThat(cipher.fingerprint("ID_NUMBER", ID_NUMBER))
                    .isNotEqualTo(cipher.fingerprint("ID_NUMBER", "11010519491231002X"));
        }

        @Test
        void stayTheSameAcrossReleases() {
            // The uniqueness index stores fingerprints: a change of derivation would let a registered ID number in
            // again. HMAC-SHA256(HMAC-SHA256(key, "personal-data fingerprint v1"), "ID_NUMBER:510824198507150018"),
            // computed outside Java for the test key 0x00..0x1f.
            assertThat(cipher.fingerprint("ID_NUMBER", ID_NUMBER)).isEqualTo(EXPECTED_FINGERPRINT);
        }

        @Test
        void areNotMadeWithTheMasterKeyItself() {
            // If the fingerprint key were the master key, this plain HMAC would equal the fingerprint.
            assertThat(cipher.fingerprint("ID_NUMBER", ID_NUMBER)).isNotEqualTo(PLAIN_HMAC_WITH_MASTER_KEY);
        }
    }

    @Test
    void decryptsACiphertextWrittenByAnEarlierRelease() {
        // Events keep their ciphertexts for ever: the v1 format must stay readable. Made outside Java with
        // AES-256-GCM under HMAC-SHA256(key, "personal-data encryption v1"), AAD "household:<card>:idNumber".
        assertThat(cipher.decrypt(EARLIER_CIPHERTEXT, CARD, "idNumber")).isEqualTo(ID_NUMBER);
    }

    @Nested
    class RefusesAKey {

        @ParameterizedTest
        @ValueSource(ints = {0, 16, 31, 33, 64})
        void thatIsNot32BytesLong(int length) {
            assertThatThrownBy(() -> new PersonalDataCipher(new byte[length]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 bytes");
        }

        @Test
        void thatIsMissing() {
            assertThatThrownBy(() -> new PersonalDataCipher(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PersonalDataCipher.fromBase64(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PersonalDataCipher.fromBase64(null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void writtenInBase64ButOfTheWrongLength() {
            String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

            assertThatThrownBy(() -> PersonalDataCipher.fromBase64(sixteenBytes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 bytes");
        }
    }

    /** Computed with Python's hmac and the cryptography package from the test key, not with this class. */
    static final String EXPECTED_FINGERPRINT = "170d6ae19d8faacdfad26a44c617c981ac95b272c4e43eb9934543083942d551";
    static final String PLAIN_HMAC_WITH_MASTER_KEY = "ee68cf0b1fb62222eb3aa02b8307a7e89f348aa9df868f999b42bda4ba2377bd";
    static final String EARLIER_CIPHERTEXT = "v1:AAECAwQFBgcICQoLq4nZ4Ew2K56qQPRbh8rGHBfg6Gzat7Py+B1cFF3MbNCwYA==";
}
