package cn.fupin.ledger.ops.bench;

import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.IdNumber;
import cn.fupin.ledger.shared.place.Gazetteer;
import cn.fupin.ledger.shared.place.Place;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A register file of synthetic households of one harness run alone: card numbers {@code B<run>-<n>}, ID numbers of
 * people born in 1900–1939 (the generator's are 1940–1989) in a slot of days the run's second picks, cards of BIN
 * 629999, spread over every village of the county. Valid check characters, since the import checks them.
 */
final class RegisterFile {

    private RegisterFile() {
    }

    static String of(Gazetteer gazetteer, String run, int rows) {
        List<String> villages = new ArrayList<>();
        for (Place township : gazetteer.townships()) {
            gazetteer.villagesOf(township.code()).forEach(village -> villages.add(village.code()));
        }
        // 280 slots of 50 days (1900 to 1938): up to 50,000 rows, the import's own limit, without overlapping another slot
        long slot = Math.floorMod(System.currentTimeMillis() / 1000, 280L);
        StringBuilder csv = new StringBuilder("cardNo,headName,idNumber,villageCode,members,migrant,bankCard\n");
        for (int n = 0; n < rows; n++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(slot * 50 + n / 1000);
            String first17 = gazetteer.county().code() + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format(Locale.ROOT, "%03d", n % 1000);
            String card = "629999" + String.format(Locale.ROOT, "%03d%09d", slot, n);
            String bankCard = null;
            for (int check = 0; check <= 9 && bankCard == null; check++) {
                bankCard = BankCardNumber.luhnValid(card + check) ? card + check : null;
            }
            csv.append('B').append(run).append('-').append(n).append(",测试户").append(',')
                    .append(first17).append(IdNumber.checkCharacter(first17)).append(',')
                    .append(villages.get(n % villages.size())).append(",3,false,").append(bankCard).append('\n');
        }
        return csv.toString();
    }
}
