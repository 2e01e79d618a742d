package dev.baton.assignment.internal;

import java.text.Normalizer;
import java.util.Locale;

/** The one form keywords and texts are compared in: NFKC (full-width ＡＢＣ１ become ABC1) and lower case. */
final class Text {

    private Text() {}

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
