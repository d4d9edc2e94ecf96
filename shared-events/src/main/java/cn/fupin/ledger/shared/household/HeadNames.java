package cn.fupin.ledger.shared.household;

/**
 * Household heads' names as lists show them: the surname and the last character, everything between replaced by an
 * asterisk (张三明 → 张*明, 欧阳小明 → 欧**明); a two-character name keeps its surname only (李四 → 李*), and a
 * one-character name shows nothing (*). Characters are counted as code points, so a rare character outside the
 * Basic Multilingual Plane counts as one.
 */
public final class HeadNames {

    private HeadNames() {
    }

    public static String mask(String name) {
        if (name == null) {
            return null;
        }
        int[] characters = name.strip().codePoints().toArray();
        if (characters.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(characters[0]);
        if (characters.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(characters.length - 2));
        return masked.appendCodePoint(characters[characters.length - 1]).toString();
    }
}
