package dev.baton.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    @Test
    void recognisesImagesAndDocumentsByTheirMagicBytes() {
        assertThat(sniff(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F')).isEqualTo("image/jpeg");
        assertThat(sniff(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13))
                .isEqualTo("image/png");
        assertThat(sniff('G', 'I', 'F', '8', '9', 'a', 1, 0)).isEqualTo("image/gif");
        assertThat(sniff('G', 'I', 'F', '8', '7', 'a', 1, 0)).isEqualTo("image/gif");
        assertThat(sniff('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '))
                .isEqualTo("image/webp");
        assertThat(sniff('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E')).isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.sniff("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1), true))
                .isEqualTo("application/pdf");
    }

    @Test
    void zipArchivesAndOfficeDocuments() throws IOException {
        assertThat(ContentSniffer.sniff(zip("readme.txt"), true)).isEqualTo("application/zip");
        assertThat(ContentSniffer.sniff(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), true))
                .isEqualTo(ContentSniffer.DOCX);
        assertThat(ContentSniffer.sniff(zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"), true))
                .isEqualTo(ContentSniffer.XLSX);
        assertThat(ContentSniffer.sniff(zip("[Content_Types].xml", "ppt/presentation.xml"), true))
                .isEqualTo(ContentSniffer.PPTX);
        assertThat(sniff('P', 'K', 5, 6, 0, 0, 0, 0)).isEqualTo("application/zip");
    }

    @Test
    void textIsValidUtf8WithoutNul() {
        assertThat(ContentSniffer.sniff("报修单：空调不制冷\r\n\tok 😀".getBytes(StandardCharsets.UTF_8), true))
                .isEqualTo("text/plain");
        assertThat(ContentSniffer.sniff("a\0b".getBytes(StandardCharsets.UTF_8), true))
                .isEqualTo("application/octet-stream");
        // GBK is not UTF-8
        assertThat(ContentSniffer.sniff("报修单".getBytes(java.nio.charset.Charset.forName("GBK")), true))
                .isEqualTo("application/octet-stream");
        // overlong '/' and an encoded surrogate
        assertThat(sniff(0xC0, 0xAF)).isEqualTo("application/octet-stream");
        assertThat(sniff(0xED, 0xA0, 0x80)).isEqualTo("application/octet-stream");
        assertThat(sniff(0xF4, 0x90, 0x80, 0x80)).isEqualTo("application/octet-stream");
    }

    @Test
    void aCharacterCutAtTheEndOfTheSampleIsStillText() {
        byte[] text = "工单".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(text, text.length - 1);
        assertThat(ContentSniffer.sniff(cut, false)).isEqualTo("text/plain");
        assertThat(ContentSniffer.sniff(cut, true)).isEqualTo("application/octet-stream");
    }

    @Test
    void theClaimedTypeOrNameDoesNotMatterOnlyTheBytes() {
        assertThat(sniff(0x00, 0x01, 0x02, 0xFF)).isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.sniff("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), true))
                .isEqualTo("text/plain");
    }

    private static String sniff(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return ContentSniffer.sniff(b, true);
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
