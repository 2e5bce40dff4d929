package org.hmaplab.harness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Renders report blocks as one self-contained HTML page: charts are embedded as base64 PNG data
 * URIs (the SVG files stay beside the page for print), styles are inline, nothing is fetched.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
        body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:1em 0;font-size:90%}
        th,td{border:1px solid #bbb;padding:3px 8px}td{text-align:right}td:first-child{text-align:left}
        th{background:#eee}.warn{border:2px solid #c60;background:#fff4e5;padding:0.5em 1em;margin:1em 0}
        figure{margin:1em 0}img{max-width:100%}figcaption{font-style:italic;font-size:90%}
        """;

    private HtmlRenderer() {
    }

    /** The HTML page; figures are read from {@code dir} and embedded. */
    public static String render(String title, List<Block> blocks, Path dir) throws IOException {
        final StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>").append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        for (Block b : blocks) {
            switch (b) {
                case Block.Heading h -> sb.append("<h").append(h.level()).append('>').append(esc(h.text()))
                    .append("</h").append(h.level()).append(">\n");
                case Block.Paragraph p -> sb.append("<p>").append(esc(p.text())).append("</p>\n");
                case Block.Bullets l -> sb.append(list(l.items()));
                case Block.Warning w -> sb.append("<div class=\"warn\"><strong>Warning: ").append(esc(w.title()))
                    .append("</strong>").append(list(w.items())).append("</div>\n");
                case Block.Table t -> {
                    sb.append("<table><tr>");
                    t.header().forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
                    sb.append("</tr>\n");
                    for (List<String> r : t.rows()) {
                        sb.append("<tr>");
                        r.forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
                        sb.append("</tr>\n");
                    }
                    sb.append("</table>\n");
                }
                case Block.Figure f -> {
                    final String data = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(f.png())));
                    sb.append("<figure><img alt=\"").append(esc(f.caption())).append("\" src=\"data:image/png;base64,")
                        .append(data).append("\"><figcaption>").append(esc(f.caption()))
                        .append("</figcaption></figure>\n");
                }
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String list(List<String> items) {
        final StringBuilder sb = new StringBuilder("<ul>");
        items.forEach(i -> sb.append("<li>").append(esc(i)).append("</li>"));
        return sb.append("</ul>\n").toString();
    }

    /** HTML-escapes text; Markdown back-ticks and bold markers are dropped. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("`", "").replace("**", "");
    }
}
