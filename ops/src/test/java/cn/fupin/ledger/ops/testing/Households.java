package cn.fupin.ledger.ops.testing;

import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Invented households for tests, written as the register CSV a clerk uploads. Household {@code n} always has the
 * same card number, name, ID number and bank card, so that every test works with fixed values; the numbers carry
 * valid check characters (GB 11643, Luhn) and belong to nobody. Give each test its own range of {@code n}: the
 * application context and its database are shared by every {@code @LedgerTest} class of a run.
 */
public final class Households {

    public static final String HEADER = "cardNo,headName,idNumber,villageCode,members,migrant,bankCard";

    /** 金穗社区 of 陵江镇 (510824100). */
    public static final String JINSUI = "510824100001";
    /** 烟峰楼社区 of 云峰镇 (510824102). */
    public static final String YANFENGLOU = "510824102001";
    /** Twelve digits of the right shape that name no village of Cangxi County. */
    public static final String NO_SUCH_VILLAGE = "510824999999";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "苟", "蒲", "向", "侯"};
    private static final String[] GIVEN = {"建国", "秀英", "明华", "德春", "桂兰", "永清", "玉珍", "长林", "志强", "双喜"};
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Households() {
    }

    /** The household numbered {@code n} (0 to 9999), a non-migrant of three in {@link #JINSUI}. */
    public static Row household(int n) {
        if (n < 0 || n > 9999) {
            throw new IllegalArgumentException("households are numbered 0 to 9999");
        }
        return new Row(cardNo(n), SURNAMES[n % 10] + GIVEN[(n / 10) % 10], idNumber(n), JINSUI, "3", "false",
                bankCard(n));
    }

    /** {@code T-} and four digits. */
    public static String cardNo(int n) {
        return "T-%04d".formatted(n);
    }

    /** A valid ID number of Cangxi County: region, a birth date and a sequence derived from n, the check character. */
    public static String idNumber(int n) {
        String first17 = "510824" + LocalDate.of(1950, 1, 1).plusDays(n).format(BIRTH_DATE) + "%03d".formatted(n % 1000);
        String id = first17 + IdNumber.checkCharacter(first17);
        IdNumber.parse(id);
        return id;
    }

    /** A valid 19-digit bank card number with its Luhn digit. */
    public static String bankCard(int n) {
        String digits = "621799000" + "%09d".formatted(n);
        for (int check = 0; check <= 9; check++) {
            if (BankCardNumber.luhnValid(digits + check)) {
                return digits + check;
            }
        }
        throw new IllegalStateException("no Luhn digit fits");
    }

    /** The same ID number with a wrong check character. */
    public static String withWrongCheckCharacter(String idNumber) {
        char right = idNumber.charAt(17);
        return idNumber.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    /** The same bank card number with a wrong Luhn digit. */
    public static String withWrongLuhnDigit(String bankCard) {
        int last = bankCard.length() - 1;
        return bankCard.substring(0, last) + (char) ('0' + (bankCard.charAt(last) - '0' + 1) % 10);
    }

    /** A register file: the header and the rows, one a line. */
    public static String csv(Row... rows) {
        return HEADER + "\n" + Arrays.stream(rows).map(Row::line).collect(Collectors.joining("\n")) + "\n";
    }

    /** One line of a register file, every cell as text so that a test can write bad cells too. */
    public record Row(String cardNo, String headName, String idNumber, String villageCode, String members,
                      String migrant, String bankCard) {

        public Row withCardNo(String value) {
            return new Row(value, headName, idNumber, villageCode, members, migrant, bankCard);
        }

        public Row withHeadName(String value) {
            return new Row(cardNo, value, idNumber, villageCode, members, migrant, bankCard);
        }

        public Row withIdNumber(String value) {
            return new Row(cardNo, headName, value, villageCode, members, migrant, bankCard);
        }

        public Row withVillageCode(String value) {
            return new Row(cardNo, headName, idNumber, value, members, migrant, bankCard);
        }

        public Row withMembers(String value) {
            return new Row(cardNo, headName, idNumber, villageCode, value, migrant, bankCard);
        }

        public Row withMigrant(String value) {
            return new Row(cardNo, headName, idNumber, villageCode, members, value, bankCard);
        }

        public Row withBankCard(String value) {
            return new Row(cardNo, headName, idNumber, villageCode, members, migrant, value);
        }

        /** The ID number masked as staff see it: asterisks, then the last four characters. */
        public String idNumberMasked() {
            return "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 4);
        }

        public String bankCardMasked() {
            return "*".repeat(bankCard.length() - 4) + bankCard.substring(bankCard.length() - 4);
        }

        public String line() {
            return String.join(",", cardNo, headName, idNumber, villageCode, members, migrant, bankCard);
        }
    }
}
