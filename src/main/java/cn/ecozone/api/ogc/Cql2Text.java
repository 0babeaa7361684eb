package cn.ecozone.api.ogc;

import cn.ecozone.layer.FeatureTypes;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.expression.Literal;
import org.geotools.filter.FilterAttributeExtractor;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;
import org.geotools.filter.visitor.DuplicatingFilterVisitor;
import org.locationtech.jts.geom.Geometry;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CQL2 text (OGC API – Features Part 3, basic CQL2 + basic spatial functions) to a GeoTools filter. CQL2 text is
 * close to ECQL: the spatial functions lose their {@code S_} prefix (padded with spaces so that error positions
 * still point into the client's text) and {@code BBOX(...)} literals become polygons; ECQL parses the rest.
 * Geometry literals are in {@code filter-crs} (CRS84 by default) and are moved to EPSG:4490 lon/lat.
 */
public final class Cql2Text {
    private static final Pattern SPATIAL = Pattern.compile(
            "S_(INTERSECTS|WITHIN|CONTAINS|DISJOINT|EQUALS|TOUCHES|CROSSES|OVERLAPS)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BBOX = Pattern.compile(
            "BBOX\\s*\\(([^()]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private Cql2Text() {}

    /**
     * @param text the {@code filter} parameter
     * @param queryables property names a filter may use (besides {@code geometry})
     * @param filterCrs CRS of geometry literals, axes in its authority order
     */
    public static Filter parse(String text, Collection<String> queryables, OgcCrs filterCrs) {
        if (text == null || text.isBlank()) throw new InvalidParameter("filter 为空 / the filter is empty");
        String ecql = toEcql(text);
        Filter f;
        try {
            f = ECQL.toFilter(ecql);
        } catch (CQLException e) {
            throw new InvalidParameter(describe(text, e));
        } catch (RuntimeException e) {
            throw new InvalidParameter("无法解析过滤条件 / cannot parse the filter \"" + text + "\": " + e.getMessage());
        }
        FilterAttributeExtractor names = new FilterAttributeExtractor();
        f.accept(names, null);
        Set<String> unknown = new TreeSet<>(names.getAttributeNameSet());
        unknown.remove(FeatureTypes.GEOMETRY);
        unknown.removeAll(queryables);
        if (!unknown.isEmpty()) {
            throw new InvalidParameter("过滤条件中的属性不可查询 / unknown or non-queryable properties " + unknown
                    + " in filter \"" + text + "\"; 可查询属性 queryables: " + queryables + " 及 and geometry");
        }
        return (Filter) f.accept(new LiteralsToStorage(filterCrs), null);
    }

    /** The CQL2 text rewritten as ECQL; same length except where BBOX literals are expanded. */
    static String toEcql(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(text, i, c);
                out.append(text, i, end);
                i = end;
                continue;
            }
            int next = nextQuote(text, i);
            out.append(rewrite(text.substring(i, next)));
            i = next;
        }
        return out.toString();
    }

    private static String rewrite(String plain) {
        Matcher m = SPATIAL.matcher(plain);
        String s = m.replaceAll(r -> "  " + r.group(1).toUpperCase(Locale.ROOT));
        Matcher b = BBOX.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (b.find()) {
            String[] n = b.group(1).split(",");
            if (n.length != 4 && n.length != 6) {
                throw new InvalidParameter("BBOX 需要 4 或 6 个数 / a BBOX literal needs 4 or 6 numbers: BBOX(" + b.group(1) + ")");
            }
            int h = n.length / 2;
            String x1 = n[0].trim(), y1 = n[1].trim(), x2 = n[h].trim(), y2 = n[h + 1].trim();
            b.appendReplacement(sb, Matcher.quoteReplacement("POLYGON((" + x1 + " " + y1 + ", " + x2 + " " + y1 + ", " + x2 + " " + y2
                    + ", " + x1 + " " + y2 + ", " + x1 + " " + y1 + "))"));
        }
        b.appendTail(sb);
        return sb.toString();
    }

    private static int closing(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static int nextQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) if (text.charAt(i) == '\'' || text.charAt(i) == '"') return i;
        return text.length();
    }

    private static String describe(String text, CQLException e) {
        String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("").trim();
        Matcher m = POSITION.matcher(first);
        StringBuilder d = new StringBuilder("过滤条件语法错误 / CQL2 syntax error");
        if (m.find()) {
            int col = Integer.parseInt(m.group(2));
            d.append("（第 ").append(col).append(" 个字符 / at character ").append(col).append("）: ")
                    .append(first).append(" — \"").append(text).append("\" 出错处 here: \"")
                    .append(text.substring(Math.min(Math.max(col - 1, 0), text.length()))).append('"');
        } else {
            d.append(": ").append(first).append(" — \"").append(text).append('"');
        }
        return d.toString();
    }

    /** Moves geometry literals from the filter CRS to EPSG:4490 lon/lat. */
    private static final class LiteralsToStorage extends DuplicatingFilterVisitor {
        private final OgcCrs crs;

        LiteralsToStorage(OgcCrs crs) {
            this.crs = crs;
        }

        @Override
        public Object visit(Literal expression, Object extraData) {
            if (expression.getValue() instanceof Geometry g) return getFactory(extraData).literal(crs.toStorage(g));
            return super.visit(expression, extraData);
        }
    }
}
