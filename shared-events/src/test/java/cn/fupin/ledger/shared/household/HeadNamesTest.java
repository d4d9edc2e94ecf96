package cn.fupin.ledger.shared.household;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadNamesTest {

    @Test
    void threeCharactersKeepTheSurnameAndTheLast() {
        assertThat(HeadNames.mask("张三明")).isEqualTo("张*明");
    }

    @Test
    void twoCharactersKeepTheSurnameOnly() {
        assertThat(HeadNames.mask("李四")).isEqualTo("李*");
    }

    @Test
    void everyCharacterBetweenIsMasked() {
        assertThat(HeadNames.mask("欧阳小明")).isEqualTo("欧**明");
    }

    @Test
    void oneCharacterShowsNothing() {
        assertThat(HeadNames.mask("王")).isEqualTo("*");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneCountsAsOne() {
        String rare = new StringBuilder().appendCodePoint(0x20BB7).toString(); // 𠮷, as in 𠮷野
        assertThat(HeadNames.mask(rare + "大明")).isEqualTo(rare + "*明");
        assertThat(HeadNames.mask("王" + rare)).isEqualTo("王*");
    }

    @Test
    void noNameStaysNone() {
        assertThat(HeadNames.mask(null)).isNull();
    }
}
