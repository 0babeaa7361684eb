package cn.ecozone.layer.postgis;

import java.util.ArrayList;
import java.util.List;

/** A SQL fragment with its parameters: values never enter the SQL text. */
record Sql(String text, List<Object> params) {
    static Sql of(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    static Sql join(String op, List<Sql> parts) {
        StringBuilder b = new StringBuilder("(");
        List<Object> ps = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) b.append(' ').append(op).append(' ');
            b.append(parts.get(i).text());
            ps.addAll(parts.get(i).params());
        }
        return new Sql(b.append(')').toString(), ps);
    }

    /** A quoted SQL identifier (catalog attribute names come from configuration, still quoted defensively). */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
