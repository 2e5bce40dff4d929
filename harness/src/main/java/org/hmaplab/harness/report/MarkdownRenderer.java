package org.hmaplab.harness.report;

import java.util.List;

/** Renders report blocks as GitHub-flavoured Markdown; figures link the PNG and the SVG beside it. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    /** The Markdown text of the blocks. */
    public static String render(List<Block> blocks) {
        final StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            switch (b) {
                case Block.Heading h -> sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
                case Block.Paragraph p -> sb.append(p.text()).append("\n\n");
                case Block.Bullets l -> {
                    l.items().forEach(i -> sb.append("- ").append(i).append('\n'));
                    sb.append('\n');
                }
                case Block.Warning w -> {
                    sb.append("> **Warning: ").append(w.title()).append("**\n>\n");
                    w.items().forEach(i -> sb.append("> - ").append(i).append('\n'));
                    sb.append('\n');
                }
                case Block.Table t -> {
                    sb.append(row(t.header()));
                    sb.append("|---");
                    sb.append("|--:".repeat(Math.max(0, t.header().size() - 1))).append("|\n");
                    t.rows().forEach(r -> sb.append(row(r)));
                    sb.append('\n');
                }
                case Block.Figure f -> sb.append("![").append(f.caption()).append("](").append(f.png()).append(")\n\n*")
                    .append(f.caption()).append("* ([SVG](").append(f.svg()).append("))\n\n");
            }
        }
        return sb.toString();
    }

    private static String row(List<String> cells) {
        final StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        return sb.append('\n').toString();
    }
}
