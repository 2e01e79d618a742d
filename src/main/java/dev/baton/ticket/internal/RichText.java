package dev.baton.ticket.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlTextEscapingMode;
import org.owasp.html.PolicyFactory;

/**
 * The limited rich text of ticket descriptions and comments. What the browser gets back is whatever
 * {@link #sanitize} kept, so the allow-list below is the whole security boundary: anything not named
 * in it (scripts, styles, frames, forms, SVG/MathML, event handlers, {@code style} and {@code class}
 * attributes other than a mention's) is dropped, and only its text survives.
 *
 * <p>Allowed: {@code p br b strong i em u s ul ol li blockquote code pre h1-h4}, tables ({@code table
 * thead tbody tr th td}, with {@code colspan}/{@code rowspan}), links ({@code a href} with http, https
 * or mailto only; {@code target="_blank"} kept; every link gets {@code rel="nofollow noopener
 * noreferrer"}), images ({@code img src} with http, https or an attachment of this system, {@code
 * /api/v1/attachments/<id>[/content|/thumbnail]}, and {@code alt}) and mentions ({@code <span
 * class="mention" data-user-id="12">@李娜</span>}; a span without both attributes is dropped, its text
 * kept). URLs are checked after the sanitizer decoded entities, so {@code jav&#x09;ascript:}, {@code
 * JaVaScRiPt:}, {@code " javascript:"} and {@code data:} all fail the same literal prefix test.
 *
 * <p>Plain text: input with no tag at all (API clients, e-mail and WeCom bridges) is taken as text, not
 * HTML. Every {@code <}, {@code &} in it is literal; a blank line starts a new paragraph ({@code <p>})
 * and a single line break becomes {@code <br>}. Markdown is not interpreted. Input that contains a tag
 * is HTML, and its line breaks are HTML whitespace, as in a browser.
 *
 * <p>Limits: the caller bounds the input length (100,000 characters). Nothing here recurses: the
 * sanitizer's lexer is iterative, its tag balancer keeps at most 256 open elements (it drops what is
 * nested deeper, text included), and the output is at most {@value #MAX_DEPTH} elements deep (tags
 * below that are dropped, their text kept), so a pathological paste cannot overflow a stack here or in
 * whatever renders the result.
 */
public final class RichText {

    /** An attachment of this system, as the attachment API renders its links. */
    private static final Pattern ATTACHMENT_PATH =
            Pattern.compile("/api/v1/attachments/[A-Za-z0-9_-]+(/content|/thumbnail)?");

    private static final Pattern CELL_SPAN = Pattern.compile("[1-9][0-9]?");
    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,18}");

    /** Something a browser would parse as a tag; absent means the input is plain text. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>|<!--");

    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t\f\u000B]*\n");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    /** Elements that end a line of {@link #plainText}. */
    private static final Set<String> BLOCKS = Set.of(
            "p div br li ul ol blockquote pre h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr hr section article header footer"
                    .split(" "));

    /** Elements whose text is not visible (raw input only; sanitized HTML never has them). */
    private static final Set<String> HIDDEN =
            Set.of("script", "style", "template", "noscript", "iframe", "object", "title");

    /** Elements nested deeper keep their text but lose their tags. */
    static final int MAX_DEPTH = 64;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p br b strong i em u s ul ol li blockquote code pre h1 h2 h3 h4".split(" "))
            .allowElements("table thead tbody tr th td".split(" "))
            .allowAttributes("colspan", "rowspan")
            .matching(CELL_SPAN)
            .onElements("th", "td")
            // the sanitizer's own protocol guard runs first; the prefix checks below are stricter
            .allowUrlProtocols("http", "https", "mailto")
            .allowElements((name, attrs) -> has(attrs, "href") ? name : null, "a")
            .allowAttributes("href")
            .matching(RichText::linkUrl)
            .onElements("a")
            .allowAttributes("target")
            .matching(true, "_blank")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowElements((name, attrs) -> has(attrs, "src") ? name : null, "img")
            .allowAttributes("src")
            .matching(RichText::imageUrl)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .allowElements((name, attrs) -> has(attrs, "class") && has(attrs, "data-user-id") ? name : null, "span")
            .allowAttributes("class")
            .matching((el, attr, value) -> value.strip().equals("mention") ? "mention" : null)
            .onElements("span")
            .allowAttributes("data-user-id")
            .matching(USER_ID)
            .onElements("span")
            .withPostprocessor(DepthLimit::new)
            .toFactory();

    private RichText() {}

    /**
     * Safe HTML for storage and display: {@code ""} for null or blank input, otherwise HTML that uses
     * only the allow-list above. Plain text (no tag) becomes paragraphs; HTML whose tags were all
     * dropped is wrapped in one {@code <p>}, so the result of a non-blank input always has a tag and
     * sanitizing it again does not re-read it as text (and double-escape its entities).
     */
    public static String sanitize(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (!TAG.matcher(html).find()) {
            return POLICY.sanitize(paragraphs(html));
        }
        String safe = POLICY.sanitize(html);
        if (safe.isBlank()) {
            return "";
        }
        return safe.indexOf('<') < 0 ? "<p>" + safe.strip() + "</p>" : safe;
    }

    /**
     * The user ids of the mentions ({@code <span class="mention" data-user-id="12">}) in sanitized
     * HTML, in order of first appearance, without repeats.
     */
    public static Set<Long> mentions(String sanitizedHtml) {
        Set<Long> ids = new LinkedHashSet<>();
        HtmlSanitizer.sanitize(sanitizedHtml, new Receiver() {
            @Override
            public void openTag(String elementName, List<String> attrs) {
                if (!elementName.equals("span")) {
                    return;
                }
                String cls = value(attrs, "class");
                String id = value(attrs, "data-user-id");
                if (cls != null
                        && cls.strip().equals("mention")
                        && id != null
                        && USER_ID.matcher(id).matches()) {
                    ids.add(Long.parseLong(id));
                }
            }
        });
        return Collections.unmodifiableSet(ids);
    }

    /**
     * The visible text of sanitized HTML for the search index, notifications and exports: no tags,
     * entities decoded, one line per block (paragraph, heading, list item, table row, {@code <br>}),
     * table cells separated by a space, runs of whitespace collapsed, no blank lines. Images contribute
     * nothing. The result is text, not HTML: a comment that literally says {@code &lt;b&gt;} gives
     * {@code <b>} here, so whoever puts it into HTML (an e-mail) must escape it.
     */
    public static String plainText(String sanitizedHtml) {
        StringBuilder out = new StringBuilder();
        HtmlSanitizer.sanitize(sanitizedHtml, new Receiver() {
            private int hidden; // inside script/style/…: raw input only, never in sanitized HTML
            private int pre;

            @Override
            public void openTag(String elementName, List<String> attrs) {
                if (HIDDEN.contains(elementName)) {
                    this.hidden++;
                } else if (elementName.equals("pre")) {
                    this.pre++;
                }
                separate(elementName);
            }

            @Override
            public void closeTag(String elementName) {
                if (HIDDEN.contains(elementName)) {
                    this.hidden = Math.max(0, this.hidden - 1);
                } else if (elementName.equals("pre")) {
                    this.pre = Math.max(0, this.pre - 1);
                }
                separate(elementName);
            }

            private void separate(String elementName) {
                if (BLOCKS.contains(elementName)) {
                    out.append('\n');
                } else if (elementName.equals("td") || elementName.equals("th")) {
                    out.append(' ');
                }
            }

            @Override
            public void text(String textChunk) {
                if (this.hidden == 0) {
                    out.append(this.pre > 0 ? textChunk : textChunk.replace('\n', ' '));
                }
            }
        });
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String collapsed = WHITESPACE.matcher(line).replaceAll(" ").strip();
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return String.join("\n", lines);
    }

    /** Plain text as HTML paragraphs; the caller runs the result through the policy. */
    private static String paragraphs(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINE.split(normalised)) {
            String trimmed = paragraph.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            html.append("<p>");
            String[] lines = trimmed.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                escape(lines[i], html);
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                default -> out.append(c);
            }
        }
    }

    /**
     * A link target: http, https or mailto by a literal, case-insensitive prefix of the decoded value
     * with surrounding whitespace removed (as a browser would), and no control character anywhere.
     */
    private static @Nullable String linkUrl(String elementName, String attributeName, String value) {
        String url = value.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        boolean web =
                (lower.startsWith("http://") && url.length() > 7) || (lower.startsWith("https://") && url.length() > 8);
        boolean mail = lower.startsWith("mailto:") && url.length() > 7;
        return (web || mail) && !hasControl(url) ? url : null;
    }

    /** An image source: http(s) anywhere, or an attachment path of this system. */
    private static @Nullable String imageUrl(String elementName, String attributeName, String value) {
        String url = value.strip();
        if (ATTACHMENT_PATH.matcher(url).matches()) {
            return url;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean web =
                (lower.startsWith("http://") && url.length() > 7) || (lower.startsWith("https://") && url.length() > 8);
        return web && !hasControl(url) ? url : null;
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(List<String> attrs, String name) {
        return value(attrs, name) != null;
    }

    /** {@code attrs} alternates names and values, as the sanitizer passes them. */
    private static @Nullable String value(List<String> attrs, String name) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) {
                return attrs.get(i + 1);
            }
        }
        return null;
    }

    /**
     * Drops the tags (not the text) of elements nested deeper than {@link #MAX_DEPTH}. The sanitizer's
     * own limit of 256 does not cover the elements its tag balancer opens implicitly ({@code tbody},
     * {@code li}), so {@code <table><tr><td>} repeated 10,000 times would otherwise come out 40,000
     * deep. It sees the policy's balanced output: every non-void open tag has its close tag.
     */
    private static final class DepthLimit implements HtmlStreamEventReceiver {
        private final HtmlStreamEventReceiver out;
        private final BitSet kept = new BitSet();
        private int depth;
        private int keptDepth;

        DepthLimit(HtmlStreamEventReceiver out) {
            this.out = out;
        }

        @Override
        public void openDocument() {
            this.out.openDocument();
        }

        @Override
        public void closeDocument() {
            this.out.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            boolean keep = this.keptDepth < MAX_DEPTH;
            if (keep) {
                this.out.openTag(elementName, attrs);
            }
            if (!HtmlTextEscapingMode.isVoidElement(elementName)) {
                this.kept.set(this.depth++, keep);
                if (keep) {
                    this.keptDepth++;
                }
            }
        }

        @Override
        public void closeTag(String elementName) {
            if (this.depth > 0 && this.kept.get(--this.depth)) {
                this.keptDepth--;
                this.out.closeTag(elementName);
            }
        }

        @Override
        public void text(String textChunk) {
            this.out.text(textChunk);
        }
    }

    /** Reads parse events without rendering anything. */
    private abstract static class Receiver implements HtmlSanitizer.Policy {
        @Override
        public void openDocument() {}

        @Override
        public void closeDocument() {}

        @Override
        public void openTag(String elementName, List<String> attrs) {}

        @Override
        public void closeTag(String elementName) {}

        @Override
        public void text(String textChunk) {}
    }
}
