package cn.ecozone.api.ogc;

import java.util.List;

/**
 * A plain HTML page of the OGC API (Chinese first, English beside), with a header linking to the web map.
 * Every text passed in is escaped; {@link #raw} is only for markup built here.
 */
public final class HtmlPage {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlPage(String title) {
        this.title = title;
    }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public HtmlPage heading(String text) {
        body.append("<h1>").append(escape(text)).append("</h1>\n");
        return this;
    }

    public HtmlPage subheading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    public HtmlPage link(String href, String text) {
        body.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    public static String anchor(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    public HtmlPage links(List<Link> links) {
        body.append("<ul class=\"links\">\n");
        for (Link l : links) {
            body.append("<li>").append(anchor(l.href(), l.title() != null ? l.title() : l.rel()))
                    .append(" <small>(").append(escape(l.rel())).append(l.type() != null ? ", " + escape(l.type()) : "")
                    .append(")</small></li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** A table; cells are escaped unless they start with {@code <a } (links built with {@link #anchor}). */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<div class=\"table-scroll\"><table>\n<tr>");
        for (String h : header) body.append("<th>").append(escape(h)).append("</th>");
        body.append("</tr>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            for (String c : r) body.append("<td>").append(c != null && c.startsWith("<a ") ? c : escape(c)).append("</td>");
            body.append("</tr>\n");
        }
        body.append("</table></div>\n");
        return this;
    }

    public HtmlPage raw(String html) {
        body.append(html);
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>"
                + "body{font-family:sans-serif;max-width:70em;margin:1em auto;padding:0 1em;line-height:1.5}"
                + "table{border-collapse:collapse}.table-scroll{overflow-x:auto;max-width:100%}"
                + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}"
                + "nav a{margin-right:1em}.map{font-size:1.3em;font-weight:bold}</style>\n</head>\n<body>\n"
                + "<nav><a class=\"map\" href=\"/map/\">地图 Web map</a><a href=\"/\">首页 Home</a>"
                + "<a href=\"/collections?f=html\">图层 Collections</a><a href=\"/api?f=html\">接口文档 API</a></nav>\n"
                + body + "</body>\n</html>\n";
    }
}
