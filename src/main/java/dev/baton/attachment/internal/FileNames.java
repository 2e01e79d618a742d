package dev.baton.attachment.internal;

import org.jspecify.annotations.Nullable;

/** File names as uploaded, made safe to store and to send back in a header. */
final class FileNames {

    static final int MAX_LENGTH = 255;
    static final String FALLBACK = "file";

    private FileNames() {}

    /**
     * Drops any directory part (some browsers send {@code C:\…\name}), control and invisible
     * formatting characters (a right-to-left override can disguise {@code exe.txt}), and shortens
     * the name to {@link #MAX_LENGTH} characters keeping its extension.
     */
    static String clean(@Nullable String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE
                        && Character.getType(c) != Character.PRIVATE_USE)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return FALLBACK;
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = cut(name, MAX_LENGTH - ext.length()) + ext;
        }
        return name;
    }

    /** The first {@code max} chars, not splitting a surrogate pair. */
    private static String cut(String s, int max) {
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
