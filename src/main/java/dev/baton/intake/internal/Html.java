package dev.baton.intake.internal;

import org.springframework.web.util.HtmlUtils;

/** Plain text a customer typed, as the limited rich text a ticket description holds. */
final class Html {

    private Html() {}

    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\\R")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(line)).append("</p>");
        }
        return html.toString();
    }
}
