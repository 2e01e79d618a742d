package dev.baton.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.owasp.html.Encoding;

class RichTextTest {

    /** In the style of the OWASP XSS filter evasion cheat sheet, plus mutation-XSS classics. */
    static List<String> xssVectors() {
        return List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</script>",
                "<<script>script>alert(1)<</script>/script>",
                "<script/xss src=https://xss.rocks/xss.js></script>",
                "<!--<script>alert(1)</script>-->",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;"
                        + "&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27"
                        + "&#x58&#x53&#x53&#x27&#x29>",
                "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116"
                        + "&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041\">x</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
                "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>",
                "<a href=\"java\u0000script:alert(1)\">x</a>",
                "<a href=\"javas&Tab;cript:alert(1)\">x</a>",
                "<a href=\"java&NewLine;script:alert(1)\">x</a>",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<a href=\" &#14;  javascript:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "<A HREF=\"JAVASCRIPT:alert(1)\">x</A>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"VBScript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
                "<img src=\"DaTa:image/png;base64,iVBORw0KGgo=\">",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<style>@import 'https://xss.rocks/xss.css';</style>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<body onload=alert(1)>",
                "<div onmouseover=\"alert(1)\">x</div>",
                "<b onclick=alert(1)>x</b>",
                "<details open ontoggle=alert(1)>",
                "<img src=\"https://ok.example/x.png\" alt=\"x\" onerror=\"alert(1)\">",
                "<img src=\"https://ok.example/x.png\" alt=\"x\\\"onerror=\\\"alert(1)\">",
                "<img \"\"\"><script>alert(\"XSS\")</script>\">",
                "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
                "<a href=\"https://ok.example&#x22; onclick=alert(1) x=&#x22;\">x</a>",
                "<a href=\"https://ok.example\" target=\"javascript:alert(1)\">x</a>",
                "<img src=/api/v1/attachments/x/content onerror=alert(1)>",
                "<span class=\"mention\" data-user-id=\"1\" onmouseover=\"alert(1)\">@x</span>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=javascript:alert(1)>",
                "<form action=\"javascript:alert(1)\"><input type=submit></form>",
                "<button formaction=javascript:alert(1)>x</button>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<link rel=stylesheet href=\"javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<svg><style><img src=x onerror=alert(1)></style></svg>",
                "<xmp><img src=x onerror=alert(1)></xmp>",
                "<title><img src=x onerror=alert(1)></title>",
                "<textarea><img src=x onerror=alert(1)></textarea>",
                "<a href=\"https://ok.example\">ok</a><script>alert(1)</script>",
                "<div style=\"width: expression(alert(1));\">x</div>",
                "<ScRiPt>alert(1)</sCrIpT>");
    }

    @ParameterizedTest
    @MethodSource("xssVectors")
    void noScriptHandlerOrScriptUrlSurvives(String vector) {
        String html = RichText.sanitize(vector);

        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "javascript:", "vbscript:", "data:", "<svg", "<math", "<iframe");
        assertThat(lower).doesNotContainPattern("\\son[a-z]+\\s*=");
        assertOnlyAllowedMarkup(html);
    }

    @Test
    void randomTagSoupOnlyEverYieldsAllowedMarkup() {
        String[] pieces = {
            "<",
            ">",
            "/",
            "\"",
            "'",
            "=",
            " ",
            "\t",
            "\n",
            "&",
            "#",
            ";",
            "&#x09;",
            "&#106;",
            "&Tab;",
            "\u0000",
            "script",
            "SCRIPT",
            "img",
            "a",
            "span",
            "svg",
            "style",
            "iframe",
            "p",
            "b",
            "table",
            "td",
            "href",
            "src",
            "HREF",
            "onerror",
            "onclick",
            "javascript:",
            "JaVaScRiPt:",
            "data:",
            "https://ok.example/",
            "alert(1)",
            "class",
            "mention",
            "data-user-id",
            "12",
            "target",
            "_blank",
            "/api/v1/attachments/a1",
            "<!--",
            "-->",
            "空调",
            "漏水",
            "`"
        };
        Random random = new Random(20_260_101L);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder soup = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int j = 0; j < length; j++) {
                soup.append(pieces[random.nextInt(pieces.length)]);
            }
            String html = RichText.sanitize(soup.toString());
            assertOnlyAllowedMarkup(html);
            assertThat(RichText.sanitize(html)).as("idempotent for %s", soup).isEqualTo(html);
            assertThat(RichText.plainText(html)).doesNotContain("\u0000");
        }
    }

    @Test
    void safeContentSurvives() {
        String html = "<h2>故障描述</h2>"
                + "<p>客户反映<b>空调</b>漏水，<i>已</i><em>上门</em><strong>两次</strong><u>未</u><s>修好</s>。</p>"
                + "<ul><li>型号 X200</li><li>楼层 3</li></ul><ol><li>一</li></ol>"
                + "<blockquote>引用</blockquote><pre><code>E1 错误码</code></pre>"
                + "<p>联系 <a href=\"https://example.com/kb?id=1\">知识库</a> 或 "
                + "<a href=\"mailto:support@example.com\">邮件</a></p>"
                + "<p><span class=\"mention\" data-user-id=\"12\">@李娜</span> 请跟进</p>"
                + "<table><thead><tr><th>项</th></tr></thead><tbody><tr><td colspan=\"2\">值</td></tr></tbody></table>"
                + "<img src=\"https://cdn.example.com/a.png\" alt=\"现场\">"
                + "<img src=\"/api/v1/attachments/a1B2-c_3/thumbnail\" alt=\"附件\">";

        String safe = RichText.sanitize(html);

        assertThat(safe)
                .contains("<h2>故障描述</h2>")
                .contains("<b>空调</b>", "<i>已</i>", "<em>上门</em>", "<strong>两次</strong>", "<u>未</u>", "<s>修好</s>")
                .contains("<ul><li>型号 X200</li><li>楼层 3</li></ul>", "<ol><li>一</li></ol>")
                .contains("<blockquote>引用</blockquote>", "<pre><code>E1 错误码</code></pre>")
                .contains("<a href=\"https://example.com/kb?id&#61;1\" rel=\"nofollow noopener noreferrer\">知识库</a>")
                .contains("<a href=\"mailto:support&#64;example.com\" rel=\"nofollow noopener noreferrer\">邮件</a>")
                .contains("<span class=\"mention\" data-user-id=\"12\">&#64;李娜</span>")
                .contains("<th>项</th>", "<td colspan=\"2\">值</td>")
                .contains("<img src=\"https://cdn.example.com/a.png\" alt=\"现场\" />")
                .contains("<img src=\"/api/v1/attachments/a1B2-c_3/thumbnail\" alt=\"附件\" />");
        assertOnlyAllowedMarkup(safe);
        assertThat(RichText.sanitize(safe)).isEqualTo(safe);
    }

    @Test
    void linksKeepATargetOfBlankOnlyAndAlwaysGetRel() {
        assertThat(RichText.sanitize("<a href=\"https://a.example\" target=\"_blank\" rel=\"opener\">a</a>"))
                .isEqualTo(
                        "<a href=\"https://a.example\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">a</a>");
        assertThat(RichText.sanitize("<a href=\"https://a.example\" target=\"_top\">a</a>"))
                .isEqualTo("<a href=\"https://a.example\" rel=\"nofollow noopener noreferrer\">a</a>");
        assertThat(RichText.sanitize("<a href=\"  HTTPS://A.example \">a</a>"))
                .isEqualTo("<a href=\"HTTPS://A.example\" rel=\"nofollow noopener noreferrer\">a</a>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/tickets/12",
                "//evil.example/x",
                "ftp://files.example/x",
                "https://",
                "#top",
                "tel:10086",
                "mailto:"
            })
    void linksOtherThanHttpHttpsAndMailtoLoseTheLinkButKeepTheText(String href) {
        assertThat(RichText.sanitize("<p><a href=\"" + href + "\" target=\"_blank\">文档</a></p>"))
                .isEqualTo("<p>文档</p>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/attachments/../users",
                "/api/v1/attachments/a1/content?x=1",
                "/api/v1/attachments/",
                "/etc/passwd",
                "//evil.example/a.png",
                "x.png",
                "ftp://files.example/a.png",
                "mailto:a@b.example",
                "/API/V1/ATTACHMENTS/a1"
            })
    void imagesFromAnywhereButHttpHttpsOrAnAttachmentAreDropped(String src) {
        assertThat(RichText.sanitize("<p>图<img src=\"" + src + "\" alt=\"x\"></p>"))
                .isEqualTo("<p>图</p>");
    }

    @Test
    void spansAreOnlyKeptAsMentions() {
        assertThat(RichText.sanitize("<p><span class=\"highlight\" data-user-id=\"12\">@李娜</span></p>"))
                .isEqualTo("<p>&#64;李娜</p>");
        assertThat(RichText.sanitize("<p><span class=\"mention\" data-user-id=\"12 or 1=1\">@李娜</span></p>"))
                .isEqualTo("<p>&#64;李娜</p>");
        assertThat(RichText.sanitize("<p><span class=\"mention\">@李娜</span></p>"))
                .isEqualTo("<p>&#64;李娜</p>");
        assertThat(RichText.sanitize("<p><span style=\"color:red\">红</span></p>"))
                .isEqualTo("<p>红</p>");
    }

    @Test
    void plainTextBecomesParagraphsAndLineBreaks() {
        assertThat(RichText.sanitize("第一行\r\n第二行\n\n  \n第二段\n")).isEqualTo("<p>第一行<br />第二行</p><p>第二段</p>");
        assertThat(RichText.sanitize("价格<5000 & 面积>20"))
                .as("a lone < is text, not the start of a tag")
                .isEqualTo("<p>价格&lt;5000 &amp; 面积&gt;20</p>");
        assertThat(RichText.sanitize("a &lt; b")).isEqualTo("<p>a &amp;lt; b</p>");
        assertThat(RichText.sanitize("请看 javascript:alert(1)"))
                .as("a script URL in text is text, never a link")
                .isEqualTo("<p>请看 javascript:alert(1)</p>");
    }

    @Test
    void htmlThatLosesAllItsTagsIsStillHtmlTheSecondTime() {
        String once = RichText.sanitize("<x-note>a &lt;b&gt; &amp; c</x-note>");

        assertThat(once).isEqualTo("<p>a &lt;b&gt; &amp; c</p>");
        assertThat(RichText.sanitize(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  \n\t ", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<p>  </p>"})
    void nothingVisibleGivesEmptyOrEmptyBlocks(String input) {
        assertThat(RichText.plainText(RichText.sanitize(input))).isEmpty();
    }

    @Test
    void deepNestingNeitherOverflowsNorGrowsWithoutBound() {
        String deep = "<b>".repeat(10_000) + "深" + "</b>".repeat(10_000);
        String unclosed = "<blockquote><ul><li>".repeat(10_000) + "深";
        String table = "<table><tr><td>".repeat(10_000) + "深";

        for (String input : List.of(deep, unclosed, table)) {
            String html = RichText.sanitize(input);
            assertOnlyAllowedMarkup(html);
            assertThat(openTags(html)).isEqualTo(RichText.MAX_DEPTH);
            assertThat(RichText.plainText(input)).doesNotContain("<");
            assertThat(RichText.mentions(input)).isEmpty();
            assertThat(RichText.sanitize(html)).isEqualTo(html);
        }
        assertThat(RichText.sanitize("<b>".repeat(100) + "浅" + "</b>".repeat(100)))
                .as("below the sanitizer's own limit of 256 the text survives, the tags stop at MAX_DEPTH")
                .isEqualTo("<b>".repeat(RichText.MAX_DEPTH) + "浅" + "</b>".repeat(RichText.MAX_DEPTH));
    }

    @Test
    void mentionsAreTheUserIdsInOrderWithoutRepeats() {
        String html = RichText.sanitize("<p><span class=\"mention\" data-user-id=\"12\">@李娜</span> 和 "
                + "<span class=\"mention\" data-user-id=\"7\">@王伟</span> 请处理，"
                + "<span class=\"mention\" data-user-id=\"12\">@李娜</span> 复核；"
                + "<span class=\"other\" data-user-id=\"99\">@不是</span>"
                + "<span class=\"mention\" data-user-id=\"x1\">@也不是</span>"
                + "<span class=\"mention\" data-user-id=\"1234567890123456789\">@太长</span></p>");

        assertThat(RichText.mentions(html)).containsExactly(12L, 7L);
        assertThat(RichText.mentions("<p>no one</p>")).isEmpty();
        assertThat(RichText.mentions("")).isEmpty();
    }

    @Test
    void plainTextIsTheVisibleTextOneLinePerBlock() {
        String html = RichText.sanitize("<h1>标题</h1><p>第一段&nbsp;有&amp;符号<br>换行</p>"
                + "<ul><li>一</li><li>二</li></ul>"
                + "<table><tr><th>名</th><th>值</th></tr><tr><td>型号</td><td>X200</td></tr></table>"
                + "<p><span class=\"mention\" data-user-id=\"12\">@李娜</span>   请   看"
                + "<img src=\"https://a.example/x.png\" alt=\"图\"><a href=\"https://a.example\">链接</a></p>"
                + "<pre>行1\n行2</pre><p>a &lt;b&gt; c</p>");

        assertThat(RichText.plainText(html))
                .isEqualTo(String.join(
                        "\n", "标题", "第一段 有&符号", "换行", "一", "二", "名 值", "型号 X200", "@李娜 请 看链接", "行1", "行2", "a <b> c"));
    }

    @Test
    void plainTextOfRawHtmlSkipsScriptsAndStyles() {
        assertThat(RichText.plainText("<p>a</p><script>var x = '<b>';</script><style>p{}</style><p>b</p>"))
                .isEqualTo("a\nb");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", Set.of("href", "target", "rel")),
            Map.entry("img", Set.of("src", "alt")),
            Map.entry("span", Set.of("class", "data-user-id")),
            Map.entry("td", Set.of("colspan", "rowspan")),
            Map.entry("th", Set.of("colspan", "rowspan")));

    private static final Set<String> PLAIN = Set.of(
            "p",
            "br",
            "b",
            "strong",
            "i",
            "em",
            "u",
            "s",
            "ul",
            "ol",
            "li",
            "blockquote",
            "code",
            "pre",
            "h1",
            "h2",
            "h3",
            "h4",
            "table",
            "thead",
            "tbody",
            "tr");

    private static final Pattern TAG = Pattern.compile("<(/?)([^\\s/>]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([^\\s=]+)=\"([^\"]*)\"");

    /**
     * Reads the output as text: every {@code <} must open an allowed tag (the sanitizer escapes a
     * {@code <} in text), every attribute must be allowed on its element, and URLs must be safe.
     */
    private static void assertOnlyAllowedMarkup(String html) {
        Matcher tag = TAG.matcher(html);
        int tags = 0;
        while (tag.find()) {
            tags++;
            String name = tag.group(2);
            assertThat(PLAIN.contains(name) || ALLOWED.containsKey(name))
                    .as("element <%s> in %s", name, html)
                    .isTrue();
            String attributes = tag.group(3).replaceFirst("\\s*/$", "");
            Matcher attribute = ATTRIBUTE.matcher(attributes);
            int end = 0;
            while (attribute.find()) {
                assertThat(attribute.start()).as("attribute syntax in %s", html).isEqualTo(end);
                end = attribute.end();
                String attr = attribute.group(1);
                String value = Encoding.decodeHtml(attribute.group(2), true);
                assertThat(ALLOWED.getOrDefault(name, Set.of()))
                        .as("attribute %s on <%s> in %s", attr, name, html)
                        .contains(attr);
                switch (attr) {
                    case "href" -> assertThat(value).matches("(?i)(https?://|mailto:)\\S+");
                    case "src" -> assertThat(value).matches("(?i)https?://\\S+|/api/v1/attachments/[\\w-]+(/\\w+)?");
                    case "target" -> assertThat(value).isEqualTo("_blank");
                    case "class" -> assertThat(value).isEqualTo("mention");
                    case "data-user-id", "colspan", "rowspan" ->
                        assertThat(value).matches("[0-9]+");
                    default -> {}
                }
            }
            assertThat(end).as("attribute syntax in %s", html).isEqualTo(attributes.length());
        }
        assertThat(html.chars().filter(c -> c == '<').count())
                .as("every < opens an allowed tag in %s", html)
                .isEqualTo(tags);
    }

    /** The deepest nesting of non-void elements. */
    private static int openTags(String html) {
        Matcher tag = TAG.matcher(html);
        int depth = 0;
        int max = 0;
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                if (!tag.group(2).equals("br") && !tag.group(2).equals("img")) {
                    max = Math.max(max, ++depth);
                }
            } else {
                depth--;
            }
        }
        return max;
    }
}
