package org.primarypipeline.core.geo;

import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A polygon's point locator with a grid in front: the polygon's box is cut into cells, and a cell that no
 * segment of its rings can touch lies wholly inside or wholly outside, which is worked out once, when the
 * grid is built. Most points then cost two multiplications and an array read; a point in a cell that a
 * line crosses is asked of the exact locator behind. A district's lines have thousands of segments, and
 * the exact locator's search among them was most of an import's districting.
 *
 * <p>The answers are the exact locator's, to the last bit: a point belongs to the cell that
 * {@link #cellX}/{@link #cellY} compute, and as those only ever round the same way, every point of a
 * segment falls in a cell that the segment's box covers, which is marked as crossed. A group of adjacent
 * cells that no segment touches is a connected region the polygon's lines do not enter, so all its points
 * lie on the same side, the side of the one point of it asked of the exact locator.
 */
final class GridPointLocator implements PointOnGeometryLocator {

    private static final byte UNKNOWN = 0;
    private static final byte CROSSED = 1;
    private static final byte INSIDE = 2;
    private static final byte OUTSIDE = 3;
    /** Cells per segment of the rings: more cells, more points answered from the grid. */
    private static final int CELLS_PER_SEGMENT = 4;

    private static final int MAX_CELLS = 1 << 16;

    private final PointOnGeometryLocator exact;
    private final double minX;
    private final double minY;
    private final double scaleX;
    private final double scaleY;
    private final int columns;
    private final int rows;
    private final byte[] cells;

    GridPointLocator(Polygon polygon, PointOnGeometryLocator exact) {
        this.exact = exact;
        Envelope box = polygon.getEnvelopeInternal();
        int segments = polygon.getNumPoints();
        int target = Math.max(16, Math.min(MAX_CELLS, segments * CELLS_PER_SEGMENT));
        double width = Math.max(box.getWidth(), 1e-9);
        double height = Math.max(box.getHeight(), 1e-9);
        int cols = (int) Math.round(Math.sqrt(target * width / height));
        columns = Math.max(1, Math.min(target, cols));
        rows = Math.max(1, Math.min(MAX_CELLS / columns, target / columns));
        minX = box.getMinX();
        minY = box.getMinY();
        scaleX = columns / width;
        scaleY = rows / height;
        cells = new byte[columns * rows];
        markCrossed(polygon.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            markCrossed(polygon.getInteriorRingN(i).getCoordinateSequence());
        }
        fillRegions();
    }

    @Override
    public int locate(Coordinate p) {
        int x = cellX(p.x);
        int y = cellY(p.y);
        if (x >= 0 && x < columns && y >= 0 && y < rows) {
            byte cell = cells[y * columns + x];
            if (cell == INSIDE) {
                return Location.INTERIOR;
            }
            if (cell == OUTSIDE) {
                return Location.EXTERIOR;
            }
        }
        return exact.locate(p);
    }

    /** The cell's column; monotonic in x, as the same rounding applies to every x. */
    private int cellX(double x) {
        return (int) Math.floor((x - minX) * scaleX);
    }

    private int cellY(double y) {
        return (int) Math.floor((y - minY) * scaleY);
    }

    private void markCrossed(CoordinateSequence ring) {
        for (int i = 1; i < ring.size(); i++) {
            double x0 = ring.getX(i - 1);
            double y0 = ring.getY(i - 1);
            double x1 = ring.getX(i);
            double y1 = ring.getY(i);
            int fromX = clampX(cellX(Math.min(x0, x1)));
            int toX = clampX(cellX(Math.max(x0, x1)));
            int fromY = clampY(cellY(Math.min(y0, y1)));
            int toY = clampY(cellY(Math.max(y0, y1)));
            for (int y = fromY; y <= toY; y++) {
                for (int x = fromX; x <= toX; x++) {
                    cells[y * columns + x] = CROSSED;
                }
            }
        }
    }

    private int clampX(int x) {
        return Math.max(0, Math.min(columns - 1, x));
    }

    private int clampY(int y) {
        return Math.max(0, Math.min(rows - 1, y));
    }

    /** Each region of untouched cells takes the side of one of its points, asked of the exact locator. */
    private void fillRegions() {
        int[] stack = new int[cells.length];
        int[] region = new int[cells.length];
        for (int start = 0; start < cells.length; start++) {
            if (cells[start] != UNKNOWN) {
                continue;
            }
            // collect the region first (marked crossed meanwhile, so it is visited once), then label it
            int size = 0;
            int top = 0;
            stack[top++] = start;
            cells[start] = CROSSED;
            while (top > 0) {
                int c = stack[--top];
                region[size++] = c;
                int x = c % columns;
                int y = c / columns;
                if (x > 0 && cells[c - 1] == UNKNOWN) {
                    cells[c - 1] = CROSSED;
                    stack[top++] = c - 1;
                }
                if (x < columns - 1 && cells[c + 1] == UNKNOWN) {
                    cells[c + 1] = CROSSED;
                    stack[top++] = c + 1;
                }
                if (y > 0 && cells[c - columns] == UNKNOWN) {
                    cells[c - columns] = CROSSED;
                    stack[top++] = c - columns;
                }
                if (y < rows - 1 && cells[c + columns] == UNKNOWN) {
                    cells[c + columns] = CROSSED;
                    stack[top++] = c + columns;
                }
            }
            byte side = sideOf(start);
            for (int i = 0; i < size; i++) {
                cells[region[i]] = side;
            }
        }
    }

    /** The side of the cell's centre; crossed (left to the exact locator) if that point is not in the cell. */
    private byte sideOf(int cell) {
        int x = cell % columns;
        int y = cell / columns;
        Coordinate centre = new Coordinate(minX + (x + 0.5) / scaleX, minY + (y + 0.5) / scaleY);
        if (cellX(centre.x) != x || cellY(centre.y) != y) {
            return CROSSED;
        }
        return switch (exact.locate(centre)) {
            case Location.INTERIOR -> INSIDE;
            case Location.EXTERIOR -> OUTSIDE;
            default -> CROSSED;
        };
    }
}
