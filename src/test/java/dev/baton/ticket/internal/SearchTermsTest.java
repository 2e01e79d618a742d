package dev.baton.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTermsTest {

    @Test
    void chineseIsIndexedAsOverlappingPairs() {
        assertThat(SearchTerms.ofDocument("空调漏水")).containsExactly("空调", "调漏", "漏水");
        assertThat(SearchTerms.ofQuery("空调漏水")).containsExactly("空调", "调漏", "漏水");
    }

    @Test
    void aQueryRequiresEveryWordAndPairOfItsParts() {
        assertThat(SearchTerms.ofQuery("空调 X200 漏水")).containsExactly("空调", "x200", "漏水");
        assertThat(SearchTerms.ofDocument("客户的空调（型号X200）又漏水了"))
                .containsAll(SearchTerms.ofQuery("空调 X200 漏水"))
                .doesNotContain("调漏");
    }

    @Test
    void fullWidthFormsAndCaseAreNormalised() {
        assertThat(SearchTerms.ofDocument("ＸＡ２００")).containsExactly("xa200");
        assertThat(SearchTerms.ofQuery("ＸＡ２００")).isEqualTo(SearchTerms.ofQuery("xa200"));
        assertThat(SearchTerms.ofDocument("空调　漏水"))
                .as("the ideographic space separates like any space")
                .containsExactly("空调", "漏水");
        assertThat(SearchTerms.ofDocument("ＷｉＦｉ ROUTER Ⅻ")).containsExactly("wifi", "router", "xii");
    }

    @Test
    void aChangeOfScriptSeparatesRuns() {
        assertThat(SearchTerms.ofDocument("WiFi连不上")).containsExactly("wifi", "连不", "不上");
        assertThat(SearchTerms.ofDocument("空调X200漏水")).containsExactly("空调", "x200", "漏水");
    }

    @Test
    void repeatedTermsAppearOnceInOrderOfFirstAppearance() {
        assertThat(SearchTerms.ofDocument("空调空调 x200 X200 空调")).containsExactly("空调", "调空", "x200");
        assertThat(SearchTerms.ofQuery("漏水 漏水 LEAK leak")).containsExactly("漏水", "leak");
    }

    @Test
    void punctuationSymbolsAndEmojiOnlySeparate() {
        assertThat(SearchTerms.ofDocument("空调😀漏水！！，。…【急】E-1001 #42 user_name@example.com"))
                .containsExactly("空调", "漏水", "急", "1001", "42", "user", "name", "example", "com");
        assertThat(SearchTerms.ofDocument("😀🎉 !!! ——")).isEmpty();
    }

    @Test
    void wordsOfOneCharacterAreDroppedAndACjkCharacterStandingAloneIsKeptInDocuments() {
        assertThat(SearchTerms.ofDocument("3 楼 a B")).containsExactly("楼");
        assertThat(SearchTerms.ofDocument("3楼漏水")).containsExactly("楼漏", "漏水");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "漏", "a", "7", "漏 a", "！？", "😀"})
    void aQueryWithoutUsableTermIsEmpty(String query) {
        assertThat(SearchTerms.ofQuery(query)).isEmpty();
    }

    @Test
    void aOneCharacterFragmentBesidesUsableTermsIsLeftOut() {
        assertThat(SearchTerms.ofQuery("空调 漏 a")).containsExactly("空调");
    }

    @Test
    void japaneseAndKoreanAreTreatedLikeChinese() {
        assertThat(SearchTerms.ofDocument("コーヒー")).containsExactly("コー", "ーヒ", "ヒー");
        assertThat(SearchTerms.ofDocument("ｺｰﾋｰ")).as("half-width kana").containsExactly("コー", "ーヒ", "ヒー");
        assertThat(SearchTerms.ofDocument("한국어 지원")).containsExactly("한국", "국어", "지원");
        assertThat(SearchTerms.ofDocument("日本語のテスト")).containsExactly("日本", "本語", "語の", "のテ", "テス", "スト");
    }

    @Test
    void otherAlphabetsAreWordsAndKeepTheirMarks() {
        assertThat(SearchTerms.ofDocument("Привет мир")).containsExactly("привет", "мир");
        assertThat(SearchTerms.ofDocument("Café naïve")).containsExactly("café", "naïve");
        assertThat(SearchTerms.ofDocument("हिन्दी")).containsExactly("हिन्दी");
    }

    @Test
    void longWordsAreCutTo32CodePointsInDocumentsAndQueriesAlike() {
        String code = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
        String cut = "abcdefghijklmnopqrstuvwxyz012345";

        assertThat(SearchTerms.ofDocument(code)).containsExactly(cut);
        assertThat(SearchTerms.ofQuery(code)).containsExactly(cut);

        String gothic = "𐌰".repeat(40); // letters outside the BMP: two UTF-16 units each
        String term = SearchTerms.ofDocument(gothic).iterator().next();
        assertThat(term.codePointCount(0, term.length())).isEqualTo(SearchTerms.MAX_WORD_LENGTH);
        assertThat(term).hasSize(SearchTerms.MAX_TERM_LENGTH);
        assertThat(SearchTerms.ofDocument("𠀀𠀁𠀂")).as("CJK extension B").containsExactly("𠀀𠀁", "𠀁𠀂");
    }

    @Test
    void aDocumentKeepsItsFirst2000Terms() {
        String text = IntStream.range(0, 2_500)
                .mapToObj(i -> String.format("w%04d", i))
                .collect(Collectors.joining(" "));

        Set<String> terms = SearchTerms.ofDocument(text);

        assertThat(terms).hasSize(SearchTerms.MAX_TERMS_PER_DOCUMENT);
        assertThat(terms).contains("w0000", "w1999").doesNotContain("w2000", "w2499");
        assertThat(terms.iterator().next()).isEqualTo("w0000");
    }

    @Test
    void aChineseDocumentIsCappedToo() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.appendCodePoint(0x4E00 + random.nextInt(3_000));
        }

        assertThat(SearchTerms.ofDocument(text.toString())).hasSize(SearchTerms.MAX_TERMS_PER_DOCUMENT);
    }

    /**
     * What a user types is found: for random documents and any part of them that keeps its words
     * whole, the query's terms are among the document's. A part that cuts a Latin word ({@code X2}
     * of {@code X200}) is not expected to match: only whole words do.
     */
    @Test
    void aQueryCutFromADocumentAlongWordBoundariesFindsIt() {
        Random random = new Random(20_260_314L);
        int checked = 0;
        for (int run = 0; run < 5_000; run++) {
            String doc = randomDocument(random);
            List<Integer> cuts = wordBoundaries(doc);
            int a = cuts.get(random.nextInt(cuts.size()));
            int b = cuts.get(random.nextInt(cuts.size()));
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            if (to - from < 2) {
                continue;
            }
            String query = doc.substring(from, to);
            List<String> terms = SearchTerms.ofQuery(query);

            Set<String> indexed = SearchTerms.ofDocument(doc);
            assertThat(indexed).as("document %s, query %s", doc, query).containsAll(terms);
            assertThat(indexed).allSatisfy(term -> assertThat(term.length()).isBetween(1, SearchTerms.MAX_TERM_LENGTH));
            if (!terms.isEmpty()) {
                checked++;
            }
        }
        assertThat(checked).as("queries with at least one term").isGreaterThan(3_000);
    }

    @Test
    void aWordCutInHalfIsNotFound() {
        assertThat(SearchTerms.ofDocument("型号X200故障")).doesNotContainAnyElementsOf(SearchTerms.ofQuery("X20"));
    }

    private static final String[] LATIN = {
        "X200", "wifi", "WiFi", "Router", "E1001", "ＡＢＣ", "１２３", "ok", "a", "7", "Café", "error"
    };
    private static final String SEPARATORS = " ,.!?;:/-_()[]【】，。！？、（）　😀\n\t";
    private static final String HAN = "空调漏水客户报修电脑无法开机网络连不上打印机卡纸屏幕闪烁";

    private static String randomDocument(Random random) {
        StringBuilder doc = new StringBuilder();
        int parts = 1 + random.nextInt(12);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    int length = 1 + random.nextInt(8);
                    for (int j = 0; j < length; j++) {
                        doc.append(HAN.charAt(random.nextInt(HAN.length())));
                    }
                }
                case 2 -> doc.append(LATIN[random.nextInt(LATIN.length)]);
                default -> doc.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
            }
        }
        return doc.toString();
    }

    /**
     * Indexes at which a substring may start or end without cutting a Latin word: anywhere except
     * between two letters or digits that are not CJK. Cutting inside a run of CJK is fine.
     */
    private static List<Integer> wordBoundaries(String doc) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i <= doc.length(); i++) {
            if (i == 0 || i == doc.length()) {
                cuts.add(i);
                continue;
            }
            char before = doc.charAt(i - 1);
            char after = doc.charAt(i);
            if (Character.isLowSurrogate(after)) {
                continue;
            }
            boolean inWord = isWordChar(before) && isWordChar(after);
            if (!inWord) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }
}
