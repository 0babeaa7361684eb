package cn.ecozone.layer.postgis;

import cn.ecozone.layer.AttributeType;
import cn.ecozone.layer.AttributeDef;
import cn.ecozone.layer.FeatureTypes;
import cn.ecozone.layer.LayerDef;
import org.geotools.api.filter.And;
import org.geotools.api.filter.BinaryComparisonOperator;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.Not;
import org.geotools.api.filter.Or;
import org.geotools.api.filter.PropertyIsBetween;
import org.geotools.api.filter.PropertyIsEqualTo;
import org.geotools.api.filter.PropertyIsGreaterThan;
import org.geotools.api.filter.PropertyIsGreaterThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLessThan;
import org.geotools.api.filter.PropertyIsLessThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLike;
import org.geotools.api.filter.PropertyIsNotEqualTo;
import org.geotools.api.filter.PropertyIsNull;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.api.filter.spatial.BBOX;
import org.geotools.api.filter.spatial.BinarySpatialOperator;
import org.geotools.api.filter.spatial.Contains;
import org.geotools.api.filter.spatial.Intersects;
import org.geotools.api.filter.spatial.Within;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates a GeoTools filter into parameterised SQL over a layer table. What it cannot translate it leaves out:
 * {@link Translation#exact()} is then false and the caller evaluates the whole filter in memory on the rows the
 * SQL pre-filter returns, so the answer is always right. Literal values only ever become JDBC parameters.
 */
final class FilterToSql {
    private final LayerDef layer;

    FilterToSql(LayerDef layer) {
        this.layer = layer;
    }

    /** The SQL condition (null: no condition) and whether it is the whole filter. */
    record Translation(Sql where, boolean exact) {}

    Translation translate(Filter f) {
        if (f == null || f == Filter.INCLUDE) return new Translation(null, true);
        Optional<Sql> whole = exact(f);
        if (whole.isPresent()) return new Translation(whole.get(), true);
        if (f instanceof And and) {
            // push the parts that translate; the rest is checked in memory
            List<Sql> parts = new ArrayList<>();
            for (Filter c : and.getChildren()) exact(c).ifPresent(parts::add);
            return new Translation(parts.isEmpty() ? null : Sql.join("AND", parts), false);
        }
        return new Translation(null, false);
    }

    private Optional<Sql> exact(Filter f) {
        if (f == Filter.INCLUDE) return Optional.of(Sql.of("TRUE"));
        if (f == Filter.EXCLUDE) return Optional.of(Sql.of("FALSE"));
        if (f instanceof And and) return all("AND", and.getChildren());
        if (f instanceof Or or) return all("OR", or.getChildren());
        if (f instanceof Not not) return exact(not.getFilter()).map(s -> new Sql("NOT " + s.text(), s.params()));
        if (f instanceof PropertyIsNull n) return column(n.getExpression()).map(c -> Sql.of(Sql.ident(c.name()) + " IS NULL"));
        if (f instanceof PropertyIsLike like) return like(like);
        if (f instanceof PropertyIsBetween b) {
            Optional<AttributeDef> c = column(b.getExpression());
            Optional<Object> lo = c.flatMap(a -> value(a, b.getLowerBoundary())), hi = c.flatMap(a -> value(a, b.getUpperBoundary()));
            if (c.isEmpty() || lo.isEmpty() || hi.isEmpty()) return Optional.empty();
            return Optional.of(Sql.of(Sql.ident(c.get().name()) + collate(c.get()) + " BETWEEN ? AND ?", lo.get(), hi.get()));
        }
        if (f instanceof BinaryComparisonOperator cmp) return comparison(cmp);
        if (f instanceof BinarySpatialOperator s) return spatial(s);
        return Optional.empty();
    }

    private Optional<Sql> all(String op, List<Filter> children) {
        List<Sql> parts = new ArrayList<>();
        for (Filter c : children) {
            Optional<Sql> s = exact(c);
            if (s.isEmpty()) return Optional.empty();
            parts.add(s.get());
        }
        return Optional.of(Sql.join(op, parts));
    }

    private Optional<Sql> comparison(BinaryComparisonOperator cmp) {
        String op;
        if (cmp instanceof PropertyIsEqualTo) op = "=";
        else if (cmp instanceof PropertyIsNotEqualTo) op = "<>";
        else if (cmp instanceof PropertyIsLessThan) op = "<";
        else if (cmp instanceof PropertyIsLessThanOrEqualTo) op = "<=";
        else if (cmp instanceof PropertyIsGreaterThan) op = ">";
        else if (cmp instanceof PropertyIsGreaterThanOrEqualTo) op = ">=";
        else return Optional.empty();
        Expression left = cmp.getExpression1(), right = cmp.getExpression2();
        if (left instanceof Literal && right instanceof PropertyName) {
            Expression t = left;
            left = right;
            right = t;
            op = switch (op) { case "<" -> ">"; case ">" -> "<"; case "<=" -> ">="; case ">=" -> "<="; default -> op; };
        }
        Optional<AttributeDef> c = column(left);
        if (c.isEmpty()) return Optional.empty();
        Optional<Object> v = value(c.get(), right);
        String o = op;
        // ECQL comparisons ignore case unless told otherwise; numbers have no case
        boolean foldCase = !cmp.isMatchingCase() && c.get().type() == AttributeType.STRING;
        String column = foldCase ? "lower(" + Sql.ident(c.get().name()) + ")" : Sql.ident(c.get().name());
        String param = foldCase ? "lower(?)" : "?";
        return v.map(val -> Sql.of(column + collate(c.get()) + " " + o + " " + param, val));
    }

    private Optional<Sql> like(PropertyIsLike like) {
        Optional<AttributeDef> c = column(like.getExpression());
        if (c.isEmpty() || c.get().type() != AttributeType.STRING || !like.isMatchingCase()) return Optional.empty();
        String pattern = like.getLiteral();
        StringBuilder sql = new StringBuilder();
        String wild = like.getWildCard(), single = like.getSingleChar(), esc = like.getEscape();
        for (int i = 0; i < pattern.length(); i++) {
            String ch = pattern.substring(i, i + 1);
            if (ch.equals(esc) && i + 1 < pattern.length()) {
                String next = pattern.substring(i + 1, i + 2);
                sql.append(next.equals("%") || next.equals("_") || next.equals("\\") ? "\\" + next : next);
                i++;
            } else if (ch.equals(wild)) sql.append('%');
            else if (ch.equals(single)) sql.append('_');
            else if (ch.equals("%") || ch.equals("_") || ch.equals("\\")) sql.append('\\').append(ch);
            else sql.append(ch);
        }
        return Optional.of(Sql.of(Sql.ident(c.get().name()) + " LIKE ?", sql.toString()));
    }

    private Optional<Sql> spatial(BinarySpatialOperator s) {
        if (!(s.getExpression1() instanceof PropertyName p) || !FeatureTypes.GEOMETRY.equals(p.getPropertyName())) return Optional.empty();
        if (!(s.getExpression2() instanceof Literal lit)) return Optional.empty();
        if (s instanceof BBOX box) {
            Envelope e = box.getBounds() == null ? null : new Envelope(box.getBounds().getMinX(), box.getBounds().getMaxX(),
                    box.getBounds().getMinY(), box.getBounds().getMaxY());
            if (e == null) return Optional.empty();
            return Optional.of(Sql.of("(geom && ST_MakeEnvelope(?,?,?,?,4490) AND ST_Intersects(geom, ST_MakeEnvelope(?,?,?,?,4490)))",
                    e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        }
        Object v = lit.getValue();
        if (!(v instanceof Geometry g)) return Optional.empty();
        String fn = s instanceof Intersects ? "ST_Intersects" : s instanceof Within ? "ST_Within" : s instanceof Contains ? "ST_Contains" : null;
        if (fn == null) return Optional.empty();
        return Optional.of(Sql.of(fn + "(geom, ST_GeomFromWKB(?, 4490))", new WKBWriter().write(g)));
    }

    private Optional<AttributeDef> column(Expression e) {
        if (!(e instanceof PropertyName p)) return Optional.empty();
        return layer.attribute(p.getPropertyName()).filter(a -> a.type() != AttributeType.JSON);
    }

    /** The literal as the column's Java type, or empty when it does not convert (then memory decides). */
    private static Optional<Object> value(AttributeDef a, Expression e) {
        if (!(e instanceof Literal lit) || lit.getValue() == null) return Optional.empty();
        Object v = lit.getValue();
        try {
            return switch (a.type()) {
                case INTEGER -> {
                    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) yield Optional.of(n.longValue());
                    yield Optional.of(Long.parseLong(v.toString().trim()));
                }
                case NUMBER -> Optional.of(v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim()));
                default -> Optional.of(v.toString());
            };
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** Strings compare by code point, as in memory. */
    static String collate(AttributeDef a) {
        return a.type() == AttributeType.STRING ? " COLLATE \"C\"" : "";
    }
}
