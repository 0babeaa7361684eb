package cn.ecozone.geo;

/**
 * A 3-degree Gauss-Krüger zone of CGCS2000. Zone n has its central meridian at 3n °E
 * (zone 38: 114°E, Datong); China spans zones 25 to 45.
 */
public record GkZone(int number) {
    public static final int FIRST_IN_CHINA = 25;
    public static final int LAST_IN_CHINA = 45;

    public GkZone {
        if (number < FIRST_IN_CHINA || number > LAST_IN_CHINA) {
            throw new IllegalArgumentException("高斯-克吕格3度带带号应在 " + FIRST_IN_CHINA + "–" + LAST_IN_CHINA
                    + " 之间 / 3-degree zone must be 25–45 for China, got " + number);
        }
    }

    /** The zone whose central meridian is nearest to the longitude (degrees east). */
    public static GkZone ofLongitude(double lon) {
        return new GkZone((int) Math.round(lon / 3.0));
    }

    public double centralMeridian() {
        return number * 3.0;
    }

    /** EPSG code of "CGCS2000 / 3-degree Gauss-Kruger zone N": easting carries the zone prefix (N×10^6 + 500 km). */
    public int epsgWithPrefix() {
        return 4488 + number;
    }

    /** EPSG code of "CGCS2000 / 3-degree Gauss-Kruger CM xxxE": easting without the zone prefix (500 km false easting). */
    public int epsgWithoutPrefix() {
        return 4509 + number;
    }

    /** The zone for an EPSG code of either family, or null when the code is not a CGCS2000 3-degree GK zone. */
    public static GkZone ofEpsg(int epsg) {
        if (epsg >= 4488 + FIRST_IN_CHINA && epsg <= 4488 + LAST_IN_CHINA) return new GkZone(epsg - 4488);
        if (epsg >= 4509 + FIRST_IN_CHINA && epsg <= 4509 + LAST_IN_CHINA) return new GkZone(epsg - 4509);
        return null;
    }

    public static boolean hasZonePrefix(int epsg) {
        return epsg >= 4488 + FIRST_IN_CHINA && epsg <= 4488 + LAST_IN_CHINA;
    }
}
