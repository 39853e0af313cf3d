package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * The administrative and settlement plan: the county town, ~10 townships (乡镇) with their seats, ~150 villages
 * (村/社区) with 12-digit codes under the 9-digit township codes under the 6-digit county code, and the clusters of
 * village housing (农村宅基地). Seeds only; the polygons follow from the field grid.
 */
final class AdminPlan {

    /** A township: 9-digit code, name, seat location and radius. */
    static final class Township {
        final int index;
        final double x;
        final double y;
        String code;
        String name;
        boolean town;
        double seatRadius;
        final List<Village> villages = new ArrayList<>();

        Township(int index, double x, double y) {
            this.index = index;
            this.x = x;
            this.y = y;
        }
    }

    /** A village (村) or urban community (社区): 12-digit code and name. */
    static final class Village {
        final int index;
        final double x;
        final double y;
        Township township;
        boolean community;
        /** The village at a township seat (集镇). */
        boolean seat;
        String code;
        String name;

        Village(int index, double x, double y) {
            this.index = index;
            this.x = x;
            this.y = y;
        }

        /** The 19-character 坐落/权属 unit code: the village code and seven zeros (collective of the village). */
        String unitCode() {
            return code + "0000000";
        }
    }

    final String countyCode;
    final String countyName;
    final double townX;
    final double townY;
    final double townRadius;
    final List<Township> townships = new ArrayList<>();
    final List<Village> villages = new ArrayList<>();
    private final List<double[]> settlements = new ArrayList<>();
    private final SpatialBuckets settlementIndex;
    private final Noise townEdge;

    private AdminPlan(SampleCountyOptions o, CountyFrame f, Terrain terrain, Water water, double townX,
                      double townY, double townRadius) {
        this.countyCode = o.countyCode();
        this.countyName = o.countyName();
        this.townX = townX;
        this.townY = townY;
        this.townRadius = townRadius;
        this.townEdge = new Noise(f.seed, 41);
        double frac = o.cultivatedParcels() / (double) SampleCountyOptions.DEFAULT_CULTIVATED_PARCELS;
        int nTownships = (int) Math.max(3, Math.min(12, Math.round(10 * StrictMath.pow(frac, 0.25))));
        int nVillages = (int) Math.max(4L * nTownships, Math.round(150 * Math.sqrt(frac)));
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(f.outline);
        Rand r = new Rand(f.seed, 3);

        // Township seats: the county town first, then spread-out seats on low, dry ground.
        List<double[]> seats = new ArrayList<>();
        seats.add(new double[] {townX, townY});
        while (seats.size() < nTownships) {
            double[] best = null;
            double bestD = -1;
            for (int k = 0; k < 40; k++) {
                double x = r.range(-f.hx, f.hx);
                double y = r.range(-f.hy, f.hy);
                if (inside.locate(new Coordinate(x / 0.8, y / 0.8)) != Location.INTERIOR
                        || water.distance(x, y) < 500 || terrain.hilliness(x, y) > 0.75) {
                    continue;
                }
                double d = nearest(seats, x, y);
                if (d > bestD) {
                    bestD = d;
                    best = new double[] {x, y};
                }
            }
            if (best == null) {
                best = new double[] {r.range(-0.3, 0.3) * f.hx, r.range(-0.3, 0.3) * f.hy};
            }
            seats.add(best);
        }
        for (int i = 0; i < seats.size(); i++) {
            townships.add(new Township(i, seats.get(i)[0], seats.get(i)[1]));
        }

        // Village seeds: town communities around the centre, one seat village per township, then spread out.
        List<double[]> vs = new ArrayList<>();
        List<Boolean> community = new ArrayList<>();
        List<Boolean> seatVillage = new ArrayList<>();
        int townCommunities = townRadius >= 1_000 ? 5 : 3;
        vs.add(new double[] {townX, townY});
        community.add(true);
        seatVillage.add(false);
        for (int i = 1; i < townCommunities; i++) {
            double a = 2 * Math.PI * (i - 1) / (townCommunities - 1) + 0.3;
            vs.add(new double[] {townX + 0.6 * townRadius * StrictMath.cos(a),
                townY + 0.6 * townRadius * StrictMath.sin(a)});
            community.add(true);
            seatVillage.add(false);
        }
        for (int t = 1; t < townships.size(); t++) {
            vs.add(new double[] {townships.get(t).x, townships.get(t).y});
            community.add(false);
            seatVillage.add(true);
        }
        int guard = 0;
        while (vs.size() < nVillages + townCommunities - 1 && guard++ < nVillages * 50) {
            double[] best = null;
            double bestD = -1;
            for (int k = 0; k < 15; k++) {
                double x = r.range(-f.hx * 1.1, f.hx * 1.1);
                double y = r.range(-f.hy * 1.1, f.hy * 1.1);
                if (inside.locate(new Coordinate(x, y)) != Location.INTERIOR || water.distance(x, y) < 150) {
                    continue;
                }
                double d = nearest(vs, x, y);
                if (Math.hypot(x - townX, y - townY) < townRadius * 1.3) {
                    continue;
                }
                if (d > bestD) {
                    bestD = d;
                    best = new double[] {x, y};
                }
            }
            if (best != null) {
                vs.add(best);
                community.add(false);
                seatVillage.add(false);
            }
        }
        for (int i = 0; i < vs.size(); i++) {
            Village v = new Village(i, vs.get(i)[0], vs.get(i)[1]);
            v.community = community.get(i);
            v.seat = seatVillage.get(i);
            villages.add(v);
        }
        for (Village v : villages) {
            Township best = townships.get(0);
            double bd = Double.MAX_VALUE;
            for (Township t : townships) {
                double d = Math.hypot(v.x - t.x, v.y - t.y);
                if (d < bd) {
                    bd = d;
                    best = t;
                }
            }
            if (v.community && v.index < townCommunities) {
                best = townships.get(0);
            }
            v.township = best;
            best.villages.add(v);
        }
        name(r);
        planSettlements(f, terrain, water, r);
        settlementIndex = new SpatialBuckets(settlements, 1_000);
    }

    static AdminPlan of(SampleCountyOptions o, CountyFrame f, Terrain terrain, Water water, double townX,
                        double townY, double townRadius) {
        return new AdminPlan(o, f, terrain, water, townX, townY, townRadius);
    }

    private static double nearest(List<double[]> pts, double x, double y) {
        double best = Double.MAX_VALUE;
        for (double[] p : pts) {
            best = Math.min(best, Math.hypot(p[0] - x, p[1] - y));
        }
        return best;
    }

    /** Names and codes: 镇 1xx, 乡 2xx (城关镇 100); 社区 001…, 村 201… ordered north-west to south-east. */
    private void name(Rand r) {
        Township seat = townships.get(0);
        seat.name = Names.SEAT_TOWNSHIP;
        seat.town = true;
        seat.seatRadius = townRadius;
        List<String> names = Names.townships(r, townships.size() - 1);
        for (int i = 1; i < townships.size(); i++) {
            Township t = townships.get(i);
            t.name = names.get(i - 1);
            t.town = t.name.endsWith("镇");
            t.seatRadius = t.town ? 380 : 260;
        }
        Comparator<Township> nwFirstT = Comparator.comparingDouble((Township t) -> -t.y + t.x * 0.3);
        List<Township> towns = new ArrayList<>(townships.subList(1, townships.size()));
        towns.sort(nwFirstT);
        seat.code = countyCode + "100";
        int nextTown = 101;
        int nextXiang = 200;
        for (Township t : towns) {
            t.code = countyCode + (t.town ? nextTown++ : nextXiang++);
        }
        Set<String> taken = new HashSet<>();
        int townCommunity = 0;
        List<Village> ordinary = new ArrayList<>();
        for (Village v : villages) {
            if (v.community && v.township == seat) {
                v.name = Names.TOWN_COMMUNITIES[townCommunity++ % Names.TOWN_COMMUNITIES.length];
            } else if (v.seat) {
                String stem = v.township.name.substring(0, v.township.name.length() - 1);
                v.name = stem + (v.township.town ? "社区" : "村");
                v.community = v.township.town;
            } else {
                ordinary.add(v);
                continue;
            }
            taken.add(v.name);
        }
        List<String> vn = Names.villages(r, ordinary.size(), taken);
        for (int i = 0; i < ordinary.size(); i++) {
            ordinary.get(i).name = i < vn.size() ? vn.get(i) : "新建" + Names.chineseNumber(i % 15 + 1) + "村";
        }
        Comparator<Village> nwFirst = Comparator.comparingDouble((Village v) -> -v.y + v.x * 0.3);
        for (Township t : townships) {
            t.villages.sort(nwFirst);
            int nextCommunity = 1;
            int nextVillage = 201;
            for (Village v : t.villages) {
                v.code = t.code + String.format("%03d", v.community ? nextCommunity++ : nextVillage++);
            }
        }
    }

    /** Village housing: a cluster at each village centre and one to three hamlets (自然村) nearby, on low ground. */
    private void planSettlements(CountyFrame f, Terrain terrain, Water water, Rand r) {
        for (Village v : villages) {
            if (v.community || v.seat) {
                continue;
            }
            settlements.add(new double[] {v.x, v.y, r.range(170, 250)});
            int hamlets = 2 + r.nextInt(4);
            for (int h = 0; h < hamlets; h++) {
                double[] best = null;
                double bestZ = Double.MAX_VALUE;
                for (int k = 0; k < 4; k++) {
                    double a = r.range(0, 2 * Math.PI);
                    double d = r.range(380, 950) * Math.min(1, 0.5 + f.scale);
                    double x = v.x + d * StrictMath.cos(a);
                    double y = v.y + d * StrictMath.sin(a);
                    if (water.distance(x, y) < 120 || nearestVillage(x, y) != v) {
                        continue;
                    }
                    double z = terrain.elevation(x, y) + 40 * terrain.hilliness(x, y);
                    if (z < bestZ) {
                        bestZ = z;
                        best = new double[] {x, y, r.range(110, 190)};
                    }
                }
                if (best != null) {
                    settlements.add(best);
                }
            }
        }
    }

    /** The village whose seed is nearest. */
    Village nearestVillage(double x, double y) {
        Village best = null;
        double bd = Double.MAX_VALUE;
        for (Village v : villages) {
            double dx = v.x - x;
            double dy = v.y - y;
            double d = dx * dx + dy * dy;
            if (d < bd) {
                bd = d;
                best = v;
            }
        }
        return best;
    }

    /** Distance from the town centre in town radii, with a ragged edge (< 1 inside the county town). */
    double townDistance(double x, double y) {
        double dx = x - townX;
        double dy = y - townY;
        double a = StrictMath.atan2(dy, dx);
        double edge = 1 + 0.22 * townEdge.line(a * 2.2 + 10) + 0.1 * townEdge.line(a * 7 + 40);
        return Math.hypot(dx, dy) / (townRadius * edge);
    }

    /** The township whose seat (集镇, not the county town) contains the point, or null. */
    Township seatAt(double x, double y) {
        for (int i = 1; i < townships.size(); i++) {
            Township t = townships.get(i);
            if (Math.hypot(x - t.x, y - t.y) < t.seatRadius) {
                return t;
            }
        }
        return null;
    }

    /** Distance to the nearest village housing cluster edge (negative inside a cluster). */
    double settlementDistance(double x, double y) {
        return settlementIndex.nearestEdge(x, y);
    }

    /** Points with a radius (x, y, r) in square buckets, for nearest-edge queries. */
    private static final class SpatialBuckets {
        private final List<double[]> pts;
        private final double size;
        private final java.util.Map<Long, List<double[]>> buckets = new java.util.HashMap<>();

        SpatialBuckets(List<double[]> pts, double size) {
            this.pts = pts;
            this.size = size;
            for (double[] p : pts) {
                buckets.computeIfAbsent(key((long) Math.floor(p[0] / size), (long) Math.floor(p[1] / size)),
                        k -> new ArrayList<>()).add(p);
            }
        }

        private static long key(long i, long j) {
            return (i << 32) ^ (j & 0xffffffffL);
        }

        double nearestEdge(double x, double y) {
            long i = (long) Math.floor(x / size);
            long j = (long) Math.floor(y / size);
            double best = size;
            for (long a = i - 1; a <= i + 1; a++) {
                for (long b = j - 1; b <= j + 1; b++) {
                    List<double[]> l = buckets.get(key(a, b));
                    if (l == null) {
                        continue;
                    }
                    for (double[] p : l) {
                        best = Math.min(best, Math.hypot(p[0] - x, p[1] - y) - p[2]);
                    }
                }
            }
            return pts.isEmpty() ? size : best;
        }
    }
}
