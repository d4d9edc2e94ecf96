package cn.fupin.ledger.ops.bench;

import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.IdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Register files of synthetic households of one harness run alone: card numbers {@code B<run>-<n>}, ID numbers of
 * people born in 1900–1939 (the generator's are 1940–1989) in a slot of days the run's second picks, cards of BIN
 * 629999. Valid check characters, since the import checks them. One run numbers its households 0 to 49,999 across
 * all its files (the register import's, then the grant batch's), so that no two share a card or ID number.
 */
final class RegisterFile {

    /** Rows a run numbers at most: 50 days of its slot, 1,000 ID sequence numbers a day. */
    static final int ROWS_MAX = 50_000;

    /** A file of households: the CSV a clerk uploads, their card numbers in row order, the villages they live in. */
    record Households(String csv, List<String> cardNos, SortedSet<String> villageCodes) {
    }

    private final String countyCode;
    private final String run;
    private final long slot;

    /** The households of run {@code run} in county {@code countyCode}; the slot of ID numbers from the clock's second. */
    RegisterFile(String countyCode, String run) {
        this.countyCode = countyCode;
        this.run = run;
        // 280 slots of 50 days (1900 to 1938): up to 50,000 rows, the import's own limit, without overlapping another slot
        this.slot = Math.floorMod(System.currentTimeMillis() / 1000, 280L);
    }

    /** Households {@code from} to {@code from + count - 1} of the run, spread over {@code villageCodes} in turn. */
    Households rows(int from, int count, List<String> villageCodes) {
        if (from < 0 || count < 0 || from + count > ROWS_MAX) {
            throw new IllegalArgumentException("a run's households are numbered 0 to " + (ROWS_MAX - 1));
        }
        StringBuilder csv = new StringBuilder("cardNo,headName,idNumber,villageCode,members,migrant,bankCard\n");
        List<String> cardNos = new ArrayList<>();
        SortedSet<String> villages = new TreeSet<>();
        for (int n = from; n < from + count; n++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(slot * 50 + n / 1000);
            String first17 = countyCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format(Locale.ROOT, "%03d", n % 1000);
            String card = "629999" + String.format(Locale.ROOT, "%03d%09d", slot, n);
            String bankCard = null;
            for (int check = 0; check <= 9 && bankCard == null; check++) {
                bankCard = BankCardNumber.luhnValid(card + check) ? card + check : null;
            }
            String cardNo = "B" + run + "-" + n;
            String village = villageCodes.get(n % villageCodes.size());
            cardNos.add(cardNo);
            villages.add(village);
            csv.append(cardNo).append(",测试户").append(',')
                    .append(first17).append(IdNumber.checkCharacter(first17)).append(',')
                    .append(village).append(",3,false,").append(bankCard).append('\n');
        }
        return new Households(csv.toString(), cardNos, villages);
    }
}
