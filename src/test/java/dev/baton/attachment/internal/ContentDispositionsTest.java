package dev.baton.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class ContentDispositionsTest {

    @Test
    void chineseNamesGoInFilenameStarWithAnAsciiFallback() {
        String header = ContentDispositions.of(false, "报修单 说明.txt");

        assertThat(header)
                .isEqualTo("attachment; filename=\"___ __.txt\"; filename*=UTF-8''"
                        + "%E6%8A%A5%E4%BF%AE%E5%8D%95%20%E8%AF%B4%E6%98%8E.txt");
        // a standard parser gets the real name back
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("报修单 说明.txt");
    }

    @Test
    void quotesBackslashesAndPercentSignsCannotBreakTheHeader() {
        String header = ContentDispositions.of(true, "a\"b\\c%41;d.png");

        assertThat(header).startsWith("inline; filename=\"a_b_c_41;d.png\"; filename*=UTF-8''a%22b%5Cc%2541%3Bd.png");
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("a\"b\\c%41;d.png");
        assertThat(ContentDisposition.parse(header).isInline()).isTrue();
    }
}
