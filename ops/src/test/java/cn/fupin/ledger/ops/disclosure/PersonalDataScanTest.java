package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.ops.testing.Households;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The privacy scan finds what it looks for, so that finding nothing on the public pages means something. */
class PersonalDataScanTest {

    @Test
    void findsAnIdNumberWithARightCheckCharacterAmongText() {
        String id = Households.idNumber(8999);

        assertThat(PersonalDataScan.findings("page", "<td>" + id + "</td>", List.of())).singleElement()
                .asString().contains("checksum-valid ID number");
    }

    @Test
    void findsAnIdNumberEndingInXWrittenInLowerCase() {
        int n = 0;
        while (Households.idNumber(n).charAt(17) != 'X') {
            n++;
        }

        assertThat(PersonalDataScan.findings("page", "号码" + Households.idNumber(n).toLowerCase() + "。", List.of()))
                .hasSize(1);
    }

    @Test
    void findsABankCardWithARightLuhnDigit() {
        assertThat(PersonalDataScan.findings("page", "卡号" + Households.bankCard(8999) + "，", List.of()))
                .singleElement().asString().contains("Luhn-valid");
        assertThat(PersonalDataScan.findings("page", "4111111111111111", List.of())).hasSize(1);
    }

    @Test
    void findsAGivenValueLiterallyEvenWhenItsCheckIsWrong() {
        String wrong = Households.withWrongCheckCharacter(Households.idNumber(8999));

        assertThat(PersonalDataScan.findings("page", "x" + wrong + "x", List.of(wrong))).hasSize(1);
    }

    /** 64 hex characters, as a notice's SHA-256 is shown, holding a Luhn-valid run of 16 digits. */
    static String sha256WithADigitRun() {
        String hash = "ab" + "4111111111111111" + "c".repeat(46);
        assertThat(hash).hasSize(64);
        return hash;
    }

    @Test
    void passesDigitsInsideAnIdentifierButFindsTheSameNumberStandingAlone() {
        // A notice id of a real run (DisclosureSiteTest, CI): its hash held the Luhn-valid 4058327316410935.
        String id = "NTC-GL-738a1f3938f4058327316410935cbae9";
        assertThat(PersonalDataScan.findings("page", "<a href=\"notices/" + id + ".html\">" + id + "</a>", List.of()))
                .isEmpty();
        assertThat(PersonalDataScan.findings("page", "<td>4058327316410935</td>", List.of())).hasSize(1);
        assertThat(PersonalDataScan.findings("page", "卡号4058327316410935。", List.of())).hasSize(1);
    }

    @Test
    void passesNumbersThatFailTheirChecksAndTheNoticesChecksum() {
        String text = Households.withWrongCheckCharacter(Households.idNumber(8999)) + " "
                + Households.withWrongLuhnDigit(Households.bankCard(8999)) + " 510824110205 3,000.00元 "
                + " 2094年5月6日 " + sha256WithADigitRun();

        assertThat(PersonalDataScan.findings("page", text, List.of())).isEmpty();
    }
}
