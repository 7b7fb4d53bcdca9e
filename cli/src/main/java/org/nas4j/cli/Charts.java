package org.nas4j.cli;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts (XChart) for the search's front and curves. */
final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 440;

    /** One named series of points. */
    record Series(String name, double[] x, double[] y, boolean line) {}

    private Charts() {}

    /** @return a chart of the series */
    static XYChart chart(String title, String xTitle, String yTitle, List<Series> series) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS); // below the plot: never over its points
        c.getStyler().setMarkerSize(6);
        for (Series s : series) {
            if (s.x().length == 0) {
                continue;
            }
            XYSeries xy = c.addSeries(s.name(), s.x(), s.y());
            xy.setXYSeriesRenderStyle(s.line() ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            xy.setMarker(SeriesMarkers.CIRCLE);
        }
        return c;
    }

    /** @return charts side by side as PNG bytes */
    static byte[] png(List<XYChart> charts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (charts.size() == 1) {
            BitmapEncoder.saveBitmap(charts.get(0), bytes, BitmapEncoder.BitmapFormat.PNG);
        } else {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(WIDTH * charts.size(), HEIGHT,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            for (int i = 0; i < charts.size(); i++) {
                java.awt.Graphics2D panel = (java.awt.Graphics2D) g.create(i * WIDTH, 0, WIDTH, HEIGHT);
                charts.get(i).paint(panel, WIDTH, HEIGHT);
                panel.dispose();
            }
            g.dispose();
            javax.imageio.ImageIO.write(img, "png", bytes);
        }
        return bytes.toByteArray();
    }
}
