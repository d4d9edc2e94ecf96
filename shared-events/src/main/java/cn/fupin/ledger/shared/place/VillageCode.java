package cn.fupin.ledger.shared.place;

import cn.fupin.ledger.shared.common.IdSpace;

/**
 * A village's or community's 12-digit statistical division code (统计用区划代码), e.g. 510824100001. The village's
 * events are kept in the stream {@code VIL-<code>} ({@link #streamId()}).
 */
public record VillageCode(String value) {

    public VillageCode {
        if (value == null || !value.matches("\\d{12}")) {
            throw new IllegalArgumentException("a village code has 12 digits");
        }
    }

    /** The township the village belongs to: the first nine digits of its code. */
    public TownshipCode township() {
        return new TownshipCode(value.substring(0, 9));
    }

    /** The village's event stream: {@code VIL-} and the code. */
    public String streamId() {
        return streamIdOf(value);
    }

    /** The event stream of the village with the code {@code villageCode} (as events carry it). */
    public static String streamIdOf(String villageCode) {
        return IdSpace.VILLAGE.streamId(villageCode);
    }

    @Override
    public String toString() {
        return value;
    }
}
