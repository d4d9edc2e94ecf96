package cn.fupin.ledger.ops.disclosure;

import cn.fupin.ledger.shared.household.BankCardNumber;
import cn.fupin.ledger.shared.household.IdNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks through public text for personal data: 18-character numbers whose GB 11643 check character is right (an ID
 * number), 16 to 19 digit numbers whose Luhn digit is right (a bank card), and any of the given values literally.
 * Numbers are runs of digits that no other digit and no Latin letter touches: digits inside an identifier or a hash
 * (a notice id {@code NTC-GL-738a1f3938f4058327316410935cbae9} holds a Luhn-valid run of 16) are part of a word, not a
 * number shown. (A value known to be personal is found literally wherever it is.) A SHA-256 in hex (64 hex
 * characters, the notices' checksum) is left out first too.
 */
final class PersonalDataScan {

    private static final Pattern SHA_256 = Pattern.compile("(?<![0-9A-Fa-f])[0-9a-f]{64}(?![0-9A-Fa-f])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])");

    private PersonalDataScan() {
    }

    /** Every finding in the text, each named with where it was found. */
    static List<String> findings(String where, String text, Collection<String> literals) {
        List<String> found = new ArrayList<>();
        for (String literal : literals) {
            if (text.contains(literal)) {
                found.add(where + ": holds the personal value " + literal);
            }
        }
        String numbers = SHA_256.matcher(text).replaceAll("#");
        Matcher id = ID_NUMBER.matcher(numbers);
        while (id.find()) {
            String candidate = id.group().toUpperCase(java.util.Locale.ROOT);
            if (IdNumber.checkCharacter(candidate) == candidate.charAt(17)) {
                found.add(where + ": holds a checksum-valid ID number " + candidate);
            }
        }
        Matcher card = CARD_NUMBER.matcher(numbers);
        while (card.find()) {
            if (BankCardNumber.luhnValid(card.group())) {
                found.add(where + ": holds a Luhn-valid card number " + card.group());
            }
        }
        return found;
    }
}
