package cn.ecozone.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.Optional;

/**
 * Checks of one geometry that every input path shares (layer files, uploads, edits): coordinates in
 * China in lon/lat order, then OGC validity with the reason and location.
 */
public final class GeometryChecks {
    private GeometryChecks() {}

    /** A planner-readable reason the geometry is unusable, or empty when it is fine. */
    public static Optional<GeometryIssue> check(Geometry g) {
        if (g.isEmpty()) return Optional.of(new GeometryIssue("几何为空 / empty geometry", null));
        for (Coordinate c : g.getCoordinates()) {
            if (!Cgcs2000.inChina(c.x, c.y)) {
                String hint = Cgcs2000.looksSwapped(c.x, c.y)
                        ? "坐标疑似把纬度写在前面（应为 经度, 纬度）/ looks like lat/lon order; GeoJSON needs lon, lat"
                        : "坐标不在中国范围内（经度 73–136，纬度 3–54）/ coordinate outside China — is it projected (Gauss-Krüger)? then give its crs";
                return Optional.of(new GeometryIssue(hint, c));
            }
        }
        if (SimplePolygon.provablyValid(g)) return Optional.empty();
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            return Optional.of(new GeometryIssue("几何无效：" + reasonZh(err) + " / invalid geometry: " + err.getMessage(), err.getCoordinate()));
        }
        return Optional.empty();
    }

    /**
     * The one Chinese wording of a JTS validity error, for every input path (layer files, uploads, edits, 国土 TXT
     * plots): the survey's own words (扣除圈, 外圈) beside the GIS ones, so a planner and a surveyor both recognise it.
     */
    public static String reasonZh(TopologyValidationError e) {
        return switch (e.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION -> "边界自相交（如“8”字形或点序错乱）";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "内环（洞、扣除圈）在外环之外";
            case TopologyValidationError.NESTED_HOLES -> "内环（洞、扣除圈）相互嵌套";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "内部不连通（内环把图形分割成不连通的部分）";
            case TopologyValidationError.NESTED_SHELLS -> "外环（外圈）相互嵌套";
            case TopologyValidationError.DUPLICATE_RINGS -> "环重复";
            case TopologyValidationError.TOO_FEW_POINTS -> "点数太少";
            case TopologyValidationError.INVALID_COORDINATE -> "坐标无效";
            case TopologyValidationError.RING_NOT_CLOSED -> "环未闭合";
            default -> "拓扑错误";
        };
    }

    /** Why a geometry is unusable and where (lon/lat), if known. */
    public record GeometryIssue(String message, Coordinate location) {}
}
