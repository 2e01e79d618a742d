package dev.baton.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOrdinaryNamesAndDropsDirectoriesAndInvisibleCharacters() {
        assertThat(FileNames.clean("报修单 2026.pdf")).isEqualTo("报修单 2026.pdf");
        assertThat(FileNames.clean("C:\\Users\\李\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("invoice\u202Etxt.exe")).isEqualTo("invoicetxt.exe");
        assertThat(FileNames.clean("a\r\nb\0.txt")).isEqualTo("ab.txt");
        assertThat(FileNames.clean("  spaced.txt  ")).isEqualTo("spaced.txt");
    }

    @Test
    void emptyOrMissingNamesBecomeFile() {
        assertThat(FileNames.clean(null)).isEqualTo("file");
        assertThat(FileNames.clean("")).isEqualTo("file");
        assertThat(FileNames.clean("dir/")).isEqualTo("file");
        assertThat(FileNames.clean("..")).isEqualTo("file");
        assertThat(FileNames.clean("\u200B")).isEqualTo("file");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String cleaned = FileNames.clean("长".repeat(300) + ".docx");
        assertThat(cleaned).hasSize(FileNames.MAX_LENGTH).endsWith("长.docx");

        String emoji = FileNames.clean("😀".repeat(200));
        assertThat(emoji.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 1))).isFalse();
    }
}
