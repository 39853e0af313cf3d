package org.gengdi.server.render;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;
import org.gengdi.server.render.Symbolizer.Mark;

/** The well-known marks as shapes one pixel across, centred on the origin (y down). */
final class Marks {
    private static final Map<Mark, Shape> UNIT = new EnumMap<>(Mark.class);

    static {
        UNIT.put(Mark.CIRCLE, new Ellipse2D.Double(-0.5, -0.5, 1, 1));
        UNIT.put(Mark.SQUARE, new Rectangle2D.Double(-0.5, -0.5, 1, 1));
        double h = Math.sqrt(3) / 4;
        UNIT.put(Mark.TRIANGLE, polygon(0, -h, 0.5, h, -0.5, h));
        double[] star = new double[20];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 0.5 : 0.5 * 0.381966;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            star[2 * i] = r * Math.cos(a);
            star[2 * i + 1] = r * Math.sin(a);
        }
        UNIT.put(Mark.STAR, polygon(star));
        double t = 0.1;
        Shape cross = polygon(-t, -0.5, t, -0.5, t, -t, 0.5, -t, 0.5, t, t, t, t, 0.5, -t, 0.5, -t, t, -0.5, t,
                -0.5, -t, -t, -t);
        UNIT.put(Mark.CROSS, cross);
        UNIT.put(Mark.X, AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(cross));
    }

    private Marks() {
    }

    /** The mark {@code size} pixels across centred on (x, y); null is a square, as SLD says. */
    static Shape shape(Mark mark, double size, double x, double y) {
        AffineTransform at = new AffineTransform(size, 0, 0, size, x, y);
        return at.createTransformedShape(UNIT.get(mark == null ? Mark.SQUARE : mark));
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
