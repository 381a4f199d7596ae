package vn.thidua.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class BarChartTest {
    private static final int SPAN = BarChart.WIDTH - BarChart.LABEL_WIDTH - BarChart.VALUE_WIDTH;

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aBarPerRow_theLongestSpansTheWidth_othersInProportion() throws Exception {
        String svg = BarChart.svg("Điểm 2023", List.of(
                new BarChart.Bar("VP", new BigDecimal("17.33")),
                new BarChart.Bar("TTR", new BigDecimal("17.00")),
                new BarChart.Bar("KHTC", new BigDecimal("8.665"))));
        Document doc = parse(svg);
        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(3);
        int first = Integer.parseInt(rects.item(0).getAttributes().getNamedItem("width").getNodeValue());
        int second = Integer.parseInt(rects.item(1).getAttributes().getNamedItem("width").getNodeValue());
        int third = Integer.parseInt(rects.item(2).getAttributes().getNamedItem("width").getNodeValue());
        assertThat(first).isEqualTo(SPAN);
        // 17.00 / 17.33 of 380 = 372.76 → 373; half of the longest → 190
        assertThat(second).isEqualTo(373);
        assertThat(third).isEqualTo(190);
    }

    @Test
    void valuesAreWrittenTheVietnameseWay_andTheTitleNamesTheChart() throws Exception {
        String svg = BarChart.svg("Điểm thi đua năm 2023", List.of(new BarChart.Bar("VP", new BigDecimal("17.33"))));
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Điểm thi đua năm 2023");
        NodeList texts = doc.getElementsByTagName("text");
        assertThat(texts.item(0).getTextContent()).isEqualTo("VP");
        assertThat(texts.item(1).getTextContent()).isEqualTo("17,33");
        assertThat(svg).contains("role=\"img\"");
    }

    @Test
    void labelsAreEscaped() throws Exception {
        String svg = BarChart.svg("a<b", List.of(new BarChart.Bar("<script>&\"'", BigDecimal.ONE)));
        assertThat(svg).doesNotContain("<script>");
        assertThat(parse(svg).getElementsByTagName("text").item(0).getTextContent()).isEqualTo("<script>&\"'");
    }

    @Test
    void allZeroOrNegative_drawsNoLength_andEmptySaysSo() throws Exception {
        String zero = BarChart.svg("t", List.of(new BarChart.Bar("A", BigDecimal.ZERO), new BarChart.Bar("B", new BigDecimal("-2"))));
        Matcher widths = Pattern.compile("width=\"(\\d+)\" height").matcher(zero);
        int count = 0;
        while (widths.find()) {
            assertThat(widths.group(1)).isEqualTo("0");
            count++;
        }
        assertThat(count).isEqualTo(2);
        String empty = BarChart.svg("t", List.of());
        assertThat(parse(empty).getElementsByTagName("rect").getLength()).isZero();
        assertThat(empty).contains("Chưa có số liệu");
    }
}
