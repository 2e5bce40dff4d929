package org.hmaplab.harness.report;

import java.util.List;

/**
 * One piece of a report, rendered the same way into Markdown and HTML: the report is built once
 * as a list of blocks, so the two renderings cannot drift apart.
 */
public sealed interface Block {

    /** A heading of level 1..3. */
    record Heading(int level, String text) implements Block {
    }

    /** A paragraph of plain text. */
    record Paragraph(String text) implements Block {
    }

    /** A bulleted list. */
    record Bullets(List<String> items) implements Block {
    }

    /** A warning box with a title and bullets. */
    record Warning(String title, List<String> items) implements Block {
    }

    /** A table; the first column is left-aligned, the others right-aligned. */
    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    /**
     * A chart saved as PNG and SVG beside the report.
     *
     * @param png     the PNG file name, relative to the report folder
     * @param svg     the SVG file name, relative to the report folder
     * @param caption what it shows, with the machine it ran on
     */
    record Figure(String png, String svg, String caption) implements Block {
    }
}
