package cn.fupin.ledger.ops.demo;

import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.IdNumber;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic household register (演示数据: every name and number is invented) in the very CSV format a clerk
 * uploads. Deterministic: the same arguments always give the same file, so a repeated load changes nothing.
 * The ID numbers carry the county's region code and valid check characters, and the bank cards valid Luhn digits,
 * because the import checks both; they belong to nobody.
 */
public final class DemoHouseholds {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "董", "苟", "向", "侯", "蒲"};
    private static final String[] GIVEN = {"建", "国", "明", "华", "强", "秀", "英", "兰", "芳", "军", "平", "成", "德", "春",
            "清", "文", "学", "富", "贵", "荣", "志", "永", "长", "安", "桂", "玉", "珍", "树", "林", "海", "山", "双"};

    private DemoHouseholds() {
    }

    /** A register with {@code count} households spread over {@code villages} in turn; about one in eight is a migrant. */
    static String csv(List<String> villages, int count, String countyCode) {
        Random random = new Random(Long.parseLong(countyCode));
        StringBuilder csv = new StringBuilder("cardNo,headName,idNumber,villageCode,members,migrant,bankCard\n");
        Set<String> ids = new HashSet<>();
        int[] perVillage = new int[villages.size()];
        for (int i = 0; i < count; i++) {
            int v = i % villages.size();
            String village = villages.get(v);
            perVillage[v]++;
            String cardNo = "H" + village + "-" + String.format("%03d", perVillage[v]);
            String name = headName(random);
            String id;
            do {
                id = idNumber(countyCode, random);
            } while (!ids.add(id));
            int members = 1 + random.nextInt(6);
            boolean migrant = random.nextInt(8) == 0;
            csv.append(cardNo).append(',').append(name).append(',').append(id).append(',').append(village).append(',')
                    .append(members).append(',').append(migrant).append(',').append(bankCard(random)).append('\n');
        }
        return csv.toString();
    }

    /**
     * A supplementary register (补录) of one new household whose row gives the bank card of the first household of
     * {@code register}: the import refuses it (BANK_CARD_REGISTERED), and the attempt is a fact auditors see
     * (SHARED_PAYEE). The new household's card number and ID number are the register's own kind but held by nobody.
     */
    static String borrowingACard(String register, String countyCode) {
        String[] first = register.split("\n")[1].split(",");
        Random random = new Random(Long.parseLong(countyCode) + 1);
        String id;
        do {
            id = idNumber(countyCode, random);
        } while (register.contains(id));
        return register.split("\n")[0] + "\n" + String.join(",", "H" + first[3] + "-901", "蒲双林", id, first[3], "4",
                "false", first[6]) + "\n";
    }

    /** An invented head's name: a common surname and one or two given characters. */
    public static String headName(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextInt(3) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
    }

    /** A synthetic ID number of the county: a birth date of 1940–1989, a sequence and a valid check character. */
    public static String idNumber(String countyCode, Random random) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 50));
        String first17 = countyCode + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + String.format("%03d", random.nextInt(1000));
        String id = first17 + IdNumber.checkCharacter(first17);
        IdNumber.parse(id);
        return id;
    }

    /** A synthetic bank card number (卡 BIN 621799) with a valid Luhn digit. */
    public static String bankCard(Random random) {
        StringBuilder digits = new StringBuilder("621799");
        for (int i = 0; i < 12; i++) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check <= 9; check++) {
            String candidate = digits.toString() + check;
            if (BankCardNumber.luhnValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn digit fits");
    }
}
