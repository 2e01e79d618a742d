package dev.baton.attachment.internal;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} per RFC 6266: an ASCII {@code filename} for old clients and the real
 * name as UTF-8 in {@code filename*} (RFC 5987 / 8187), which every current browser prefers.
 */
final class ContentDispositions {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDispositions() {}

    static String of(boolean inline, String fileName) {
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''"
                + encode(fileName);
    }

    /** Printable ASCII only, without quote, backslash or percent (some clients decode it). */
    static String asciiFallback(String fileName) {
        StringBuilder out = new StringBuilder(fileName.length());
        fileName.codePoints()
                .forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
