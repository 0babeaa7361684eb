package cn.ecozone.api.ogc;

import cn.ecozone.layer.AttributeType;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.LayerDef;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.factory.CommonFactoryFinder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code datetime} parameter of the items (OGC API – Features Part 1 core): an instant or an interval, RFC 3339.
 *
 * <p>The layers' temporal data are years: a layer has temporal data when it has an integer attribute named
 * {@code year} (the restoration plots' 修复年度). A feature of year <i>Y</i> stands for the whole calendar year
 * <i>Y</i> in China Standard Time (UTC+08:00), so it matches an instant in that year and an interval that overlaps
 * it: {@code year(start) ≤ Y ≤ year(end)}, an open end ({@code ..} or empty) unbounded. Features without a year do
 * not match a datetime. Layers without temporal data answer every feature (the datetime does not apply to them).
 * Accepted forms: {@code 2021-06-01T12:00:00Z}, {@code 2021-06-01T12:00:00+08:00}, {@code 2021-06-01},
 * {@code 2019-01-01T00:00:00Z/2021-12-31T23:59:59Z}, {@code ../2020-01-01}, {@code 2020-01-01/..}; anything else,
 * or an interval that ends before it starts, is a 400.
 */
public final class Datetime {
    /** The calendar in which a year attribute is read. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    public static final String TEMPORAL_ATTRIBUTE = "year";
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

    /** The first and last year an instant or interval touches (null: unbounded). */
    public record Years(Integer from, Integer to) {}

    private Datetime() {}

    /** The layer's temporal attribute, if it has one. */
    public static Optional<AttributeDef> temporalAttribute(LayerDef layer) {
        return layer.attribute(TEMPORAL_ATTRIBUTE).filter(a -> a.type() == AttributeType.INTEGER);
    }

    /** The filter for {@code value} on this layer (null: no filter, the layer has no temporal data); 400 when malformed. */
    public static Filter filter(String value, LayerDef layer) {
        Years y = parse(value);
        Optional<AttributeDef> a = temporalAttribute(layer);
        if (a.isEmpty()) return null;
        List<Filter> parts = new ArrayList<>();
        var p = FF.property(a.get().name());
        parts.add(FF.not(FF.isNull(p)));
        if (y.from() != null && y.from().equals(y.to())) return FF.equals(p, FF.literal((long) y.from()));
        if (y.from() != null) parts.add(FF.greaterOrEqual(p, FF.literal((long) y.from())));
        if (y.to() != null) parts.add(FF.lessOrEqual(p, FF.literal((long) y.to())));
        return parts.size() == 1 ? parts.get(0) : FF.and(parts);
    }

    /** The years an instant or interval covers; 400 when the value is not one. */
    public static Years parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) throw bad(value);
        int slash = v.indexOf('/');
        if (slash < 0) {
            if (v.equals("..")) throw bad(value);
            int y = year(v, value);
            return new Years(y, y);
        }
        if (v.indexOf('/', slash + 1) >= 0) throw bad(value);
        String a = v.substring(0, slash).trim(), b = v.substring(slash + 1).trim();
        Integer from = a.isEmpty() || a.equals("..") ? null : year(a, value);
        Integer to = b.isEmpty() || b.equals("..") ? null : year(b, value);
        if (from != null && to != null) {
            if (instant(a, value).isAfter(instant(b, value))) {
                throw new InvalidParameter("datetime 区间的开始晚于结束 / datetime interval ends before it starts: \"" + value + "\"");
            }
        }
        return new Years(from, to);
    }

    private static int year(String s, String whole) {
        return instant(s, whole).withOffsetSameInstant(CHINA).getYear();
    }

    private static OffsetDateTime instant(String s, String whole) {
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay().atOffset(CHINA);
            return OffsetDateTime.parse(s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z'));
        } catch (DateTimeParseException e) {
            throw bad(whole);
        }
    }

    private static RuntimeException bad(String value) {
        return new InvalidParameter("datetime 应为 RFC 3339 时刻或区间 / datetime must be an RFC 3339 instant or interval "
                + "(e.g. 2021-06-01T00:00:00Z, 2019-01-01/2021-12-31, ../2020-12-31), got \"" + value + "\"");
    }
}
