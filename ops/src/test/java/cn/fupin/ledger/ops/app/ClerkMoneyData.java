package cn.fupin.ledger.ops.app;

import cn.fupin.ledger.ops.testing.Households;
import cn.fupin.ledger.shared.household.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The data of the clerk's money screens' tests, apart from every other test's: fiscal years 2005 and 2006, households
 * with card numbers {@code CM-…} (ID numbers of people born in 1931, bank cards 621799088…) in 白驿镇 (510824115), and
 * project names starting 清算屏.
 */
final class ClerkMoneyData {

    /** 马桑村 of 白驿镇: the households of the HTTP-level test. */
    static final String MASANG = "510824115203";
    /** 池口村 of 白驿镇: a poor village in 2005, for a village project. */
    static final String CHIKOU = "510824115204";
    /** 金龙泉村 of 白驿镇: the households of the browser test. */
    static final String JINLONGQUAN = "510824115207";
    /** A village of 漓江镇, another township. */
    static final String OTHER_TOWNSHIP = "510824116203";

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private ClerkMoneyData() {
    }

    static String card(int n) {
        return "CM-%04d".formatted(n);
    }

    /** Household {@code n} (0 to 999) of this test's register, in {@code villageCode}. */
    static Households.Row household(int n, String villageCode) {
        String first17 = "510824" + LocalDate.of(1931, 1, 1).plusDays(n).format(BIRTH_DATE) + "%03d".formatted(n);
        return Households.household(n % 100).withCardNo(card(n))
                .withIdNumber(first17 + IdNumber.checkCharacter(first17))
                .withBankCard(Households.bankCard(88_000_000 + n)).withVillageCode(villageCode);
    }
}
