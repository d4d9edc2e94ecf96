package cn.fupin.ledger.shared.place;

import cn.fupin.ledger.shared.common.IdSpace;

/**
 * A township's (乡镇) 9-digit statistical division code, e.g. 510824100. The township's events are kept in the
 * stream {@code TWN-<code>} ({@link #streamId()}).
 */
public record TownshipCode(String value) {

    public TownshipCode {
        if (value == null || !value.matches("\\d{9}")) {
            throw new IllegalArgumentException("a township code has 9 digits");
        }
    }

    /** The county the township belongs to: the first six digits of its code. */
    public String countyCode() {
        return value.substring(0, 6);
    }

    /** The township's event stream: {@code TWN-} and the code. */
    public String streamId() {
        return streamIdOf(value);
    }

    /** The event stream of the township with the code {@code townshipCode} (as events carry it). */
    public static String streamIdOf(String townshipCode) {
        return IdSpace.TOWNSHIP.streamId(townshipCode);
    }

    @Override
    public String toString() {
        return value;
    }
}
