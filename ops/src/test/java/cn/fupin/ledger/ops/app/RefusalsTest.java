package cn.fupin.ledger.ops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefusalsTest {

    @Test
    void everyAreasFileIsReadAsUtf8IntoOneTable() {
        assertThat(Refusals.CHINESE).containsEntry("DUPLICATE_DOCUMENT_NO",
                "这一文号在该年度、该来源的资金中已经登记过，同一文件不能重复下达").containsEntry("FORBIDDEN", "您的角色不能办理这项业务");
        assertThat(Refusals.chinese("NO_SUCH_CODE")).isEqualTo("账本拒绝了这次提交（NO_SUCH_CODE），什么也没有记录。");
    }

    @Test
    void aCodeGivenTwoDifferentTextsIsRefusedAtStart() {
        assertThatThrownBy(() -> Refusals.load("classpath*:app/refusals-conflicting/*.properties"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SAME_CODE");
    }
}
