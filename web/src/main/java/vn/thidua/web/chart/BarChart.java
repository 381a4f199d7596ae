package vn.thidua.web.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import vn.thidua.web.format.Vietnamese;

/**
 * A horizontal bar chart as inline SVG, drawn on the server from a table's rows: one bar per row,
 * its label on the left and its value (written the Vietnamese way) at the bar's end. It scales to
 * the page's width (viewBox), so it reads on a 375-px phone; the figures are also in the table
 * beside it, and the SVG carries a title for screen readers.
 */
public final class BarChart {
    /** One bar: what it is and how long. Negative values are drawn as zero. */
    public record Bar(String label, BigDecimal value) {
    }

    static final int WIDTH = 600;
    static final int LABEL_WIDTH = 150;
    static final int VALUE_WIDTH = 70;
    static final int ROW = 26;
    static final int BAR = 18;

    private BarChart() {
    }

    /** The chart as an SVG element; an empty list gives a chart that says so. */
    public static String svg(String title, List<Bar> bars) {
        int height = Math.max(1, bars.size()) * ROW + 8;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" aria-labelledby=\"chart-title\">");
        out.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        if (bars.isEmpty()) {
            out.append("<text x=\"0\" y=\"20\">Chưa có số liệu</text></svg>");
            return out.toString();
        }
        BigDecimal max = bars.stream().map(BarChart::length).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        int span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 4 + i * ROW;
            int length = max.signum() == 0 ? 0
                    : length(bar).multiply(BigDecimal.valueOf(span)).divide(max, 0, RoundingMode.HALF_UP).intValueExact();
            out.append("<g>");
            out.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + BAR - 4)
                    .append("\" text-anchor=\"end\">").append(escape(bar.label())).append("</text>");
            out.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(length)
                    .append("\" height=\"").append(BAR).append("\" rx=\"2\"/>");
            out.append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(y + BAR - 4).append("\">")
                    .append(escape(Vietnamese.number(bar.value()))).append("</text>");
            out.append("</g>");
        }
        return out.append("</svg>").toString();
    }

    private static BigDecimal length(Bar bar) {
        return bar.value() == null ? BigDecimal.ZERO : bar.value().max(BigDecimal.ZERO);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
