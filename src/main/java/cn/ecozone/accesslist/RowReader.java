package cn.ecozone.accesslist;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of a requirement table (区域管控规则 sheet, CSV) read cell by cell: each value parsed where it stands and
 * each problem logged at its own cell, so one bad row reports everything wrong with it at once.
 */
final class RowReader {
    static final String EMPTY_ID = "编号为空 / empty id";
    static final String EMPTY_SCOPE = "范围为空（全国、省、省/市、省/市/区县 或单元编码）/ empty scope";
    static final String EMPTY_TEXT = "要求内容为空 / empty text";

    private final Table table;
    private final Table.Row row;
    private final ImportLog log;
    private boolean ok = true;

    RowReader(Table table, Table.Row row, ImportLog log) {
        this.table = table;
        this.row = row;
        this.log = log;
    }

    /** The stripped cell; an empty one is logged with {@code whenEmpty}. */
    String required(int column, String whenEmpty) {
        String v = row.get(column).strip();
        if (v.isEmpty()) fail(column, whenEmpty);
        return v;
    }

    /** The cell parsed ({@link Level#of}, {@link Dimension#of} …); null, logged at the cell, when it does not parse. */
    <T> T parsed(int column, Function<String, T> parse) {
        try {
            return parse.apply(row.get(column));
        } catch (AccessListException e) {
            fail(column, e.getMessage());
            return null;
        }
    }

    /** The zone a rule attaches to from its layer and match cells; null for none (a match without a layer is an error). */
    ZoneSelector zone(int collectionColumn, int matchColumn) {
        try {
            Map<String, List<String>> match = AccessListXlsx.parseMatch(row.get(matchColumn));
            String collection = row.get(collectionColumn).strip();
            if (!collection.isEmpty()) return new ZoneSelector(collection, match);
            if (!match.isEmpty()) throw new AccessListException("有匹配条件时须填写图层 / a match needs a layer");
        } catch (AccessListException e) {
            fail(matchColumn, e.getMessage());
        }
        return null;
    }

    String place(int column) {
        return table.place(row.number(), column);
    }

    boolean ok() {
        return ok;
    }

    private void fail(int column, String message) {
        log.error(place(column), message);
        ok = false;
    }
}
