package dev.baton.attachment.internal;

import java.nio.charset.StandardCharsets;

/**
 * Tells the content type from the first bytes of a file (its magic numbers), never from what the
 * client claims. What is not recognised is {@code application/octet-stream}, which is always
 * downloaded, never shown.
 */
final class ContentSniffer {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String TEXT = "text/plain";
    static final String BINARY = "application/octet-stream";

    /** How many leading bytes {@link #sniff} wants to see. */
    static final int HEAD = 64 * 1024;

    private ContentSniffer() {}

    /**
     * @param head the first bytes of the file (up to {@link #HEAD})
     * @param complete whether {@code head} is the whole file; if not, a character cut at its end is fine
     */
    static String sniff(byte[] head, boolean complete) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return GIF;
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(head, 0, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (startsWith(head, 0, 'P', 'K', 3, 4) || startsWith(head, 0, 'P', 'K', 5, 6)) {
            return office(head);
        }
        if (isUtf8Text(head, complete)) {
            return TEXT;
        }
        return BINARY;
    }

    /**
     * Office Open XML files are zip archives whose entry names (stored uncompressed in each local
     * header) reveal the kind; the main part almost always comes within the first kilobytes.
     */
    private static String office(byte[] head) {
        String names = new String(head, StandardCharsets.ISO_8859_1);
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("word/")) {
                return DOCX;
            }
            if (names.contains("xl/")) {
                return XLSX;
            }
            if (names.contains("ppt/")) {
                return PPTX;
            }
        }
        return ZIP;
    }

    /** Valid UTF-8 (no overlong forms, no surrogates) and no NUL. */
    static boolean isUtf8Text(byte[] b, boolean complete) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= b.length) {
                // a character cut by the end of the sample is fine, unless the sample is the whole file
                return !complete && continuations(b, i + 1, b.length);
            }
            if (!continuations(b, i + 1, i + 1 + n)) {
                return false;
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                cp = (cp << 6) | (b[i + k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }

    private static boolean continuations(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int k = 0; k < magic.length; k++) {
            if ((b[offset + k] & 0xFF) != magic[k]) {
                return false;
            }
        }
        return true;
    }
}
