package cn.fupin.ledger.query.disclosure;

import cn.fupin.ledger.shared.disclosure.NoticeContent;
import cn.fupin.ledger.shared.disclosure.NoticeJson;
import cn.fupin.ledger.shared.disclosure.NoticeKind;
import cn.fupin.ledger.shared.disclosure.NoticeLevel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read model keeps a notice as its published bytes only and reads its content back from them: for any content,
 * what is read is what was published (quotes, backslashes, markup, control characters, line breaks, any Chinese), and
 * the name of its kind is the one it was published with.
 */
class PublishedNoticesTest {

    static NoticeContent content(NoticeKind kind, NoticeLevel level, String text, String other, boolean correction) {
        return new NoticeContent("NTC-2016-0001", kind, level, "510824100205", other, text, text + "\n" + other,
                List.of(new NoticeContent.Field(other, text), new NoticeContent.Field(text, "")),
                List.of(text, other), List.of(new NoticeContent.Row("DSB-2016-0001", List.of(other, text)),
                        new NoticeContent.Row("DSB-2016-0002", List.of(text, other))),
                LocalDate.of(2016, 5, 4), LocalDate.of(2016, 5, 14), correction ? "NTC-2016-0000" : null,
                correction ? other : null, correction ? null : text, NoticeContent.HOTLINE);
    }

    @Property(tries = 300)
    void whatIsReadFromThePublishedBytesIsWhatWasPublished(@ForAll NoticeKind kind, @ForAll NoticeLevel level,
                                                           @ForAll("texts") String text,
                                                           @ForAll("texts") String other,
                                                           @ForAll boolean correction) {
        NoticeContent published = content(kind, level, text, other, correction);

        PublishedNotices.Document read = PublishedNotices.read(NoticeJson.render(published, "公告（" + other + "）"));

        assertThat(read.content()).isEqualTo(published);
        assertThat(read.kindName()).isEqualTo("公告（" + other + "）");
    }

    @Provide
    Arbitrary<String> texts() {
        // Any character a string can hold but half a surrogate pair (which UTF-8 cannot carry: it would be published
        // as '?', and read back as what was published); whole pairs are the example below.
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                .ofMaxLength(40);
    }

    @Example
    void charactersBeyondTheBasicPlaneReadBackAsThemselves() {
        NoticeContent published = content(NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, "𠀀家庄 😀 <b>\"户\"</b>",
                "\u0001\\\u2028", false);

        assertThat(PublishedNotices.read(NoticeJson.render(published)).content()).isEqualTo(published);
    }

    @Example
    void bytesOfAnotherFormatOrWithAKeyFormatOneDoesNotHaveAreRefused() {
        String json = new String(NoticeJson.render(content(NoticeKind.GRANT_LIST, NoticeLevel.VILLAGE, "甲", "乙",
                false)), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PublishedNotices.read(json.replace("{\"format\":1,", "{\"format\":2,")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 2");
        assertThatThrownBy(() -> PublishedNotices.read(json.replace("\"hotline\"", "\"extra\":1,\"hotline\"")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
    }
}
