package dev.baton.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ticket.TicketRouting.Classification;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static RoutingSnapshot.KeywordEntry kw(String keyword, String category, String priority, String... tags) {
        return new RoutingSnapshot.KeywordEntry(keyword, category, null, priority, List.of(tags));
    }

    private static Classification classify(String text, RoutingSnapshot.KeywordEntry... keywords) {
        return Classifier.classify(RoutingSnapshot.of(List.of(), List.of(keywords)), text);
    }

    @Test
    void mixedChineseAndEnglishKeywordsAreFoundInTextOrder() {
        Classification c = classify(
                "我家的WiFi断了，空调也在漏水",
                kw("空调", "hvac", null),
                kw("wifi", "network", null, "网络"),
                kw("漏水", null, "high", "漏水"));
        assertThat(c.keywords()).containsExactly("wifi", "空调", "漏水");
        assertThat(c.category()).isEqualTo("network");
        assertThat(c.priority()).isEqualTo("high");
        assertThat(c.tags()).containsExactly("网络", "漏水");
    }

    @Test
    void fullWidthAndHalfWidthLettersDigitsAndCaseMatchEachOther() {
        RoutingSnapshot.KeywordEntry vip = kw("ＶＩＰ", "vip", null);
        RoutingSnapshot.KeywordEntry model = kw("kfr-35gw", "aircon", null);
        assertThat(classify("ｖｉｐ客户报修", vip).keywords()).containsExactly("ＶＩＰ");
        assertThat(classify("Vip 客户", vip).category()).isEqualTo("vip");
        assertThat(classify("型号 ＫＦＲ－３５ＧＷ 不制冷", model).category()).isEqualTo("aircon");
        assertThat(classify("型号 KFR-35GW", model).category()).isEqualTo("aircon");
        assertThat(classify("型号 KFR35GW", model).matched()).isFalse();
    }

    @Test
    void overlappingKeywordsAreAllReportedAndTheLongerOneAtAPlaceDecides() {
        Classification c = classify(
                "厨房水管漏水了", kw("水管", "plumbing", null), kw("水管漏水", "leak", "urgent"), kw("漏水", "leak-general", "high"));
        assertThat(c.keywords()).containsExactly("水管漏水", "水管", "漏水");
        assertThat(c.category()).isEqualTo("leak");
        assertThat(c.priority()).isEqualTo("urgent");
    }

    @Test
    void aTextWithoutKeywordsIsNotClassified() {
        assertThat(classify("发票抬头修改", kw("漏水", "leak", "high"))).isEqualTo(Classification.NONE);
        assertThat(classify("", kw("漏水", "leak", "high")).matched()).isFalse();
    }
}
