package cn.ecozone.layer.postgis;

import cn.ecozone.accesslist.AccessList;
import cn.ecozone.accesslist.AccessListStore;
import cn.ecozone.accesslist.Basis;
import cn.ecozone.accesslist.Dimension;
import cn.ecozone.accesslist.Effect;
import cn.ecozone.accesslist.Industry;
import cn.ecozone.accesslist.Level;
import cn.ecozone.accesslist.Requirement;
import cn.ecozone.accesslist.Unit;
import cn.ecozone.accesslist.ZoneSelector;
import cn.ecozone.text.LocalizedText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The access list in PostGIS mode: the tables {@code ecozone_access_list} (title), {@code ecozone_access_industries},
 * {@code ecozone_access_units} and {@code ecozone_access_requirements} (the zone match as jsonb), each row with the
 * {@code ordinal} of its place in the list. {@link #store} replaces all four in one transaction (readers see the old
 * list or the new one); {@link #load} reads them back in list order. No tables yet: an empty list, as a missing file is.
 */
public final class PostgisAccessListStore implements AccessListStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS ecozone_access_list (
              singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), title_zh text NOT NULL, title_en text);
            CREATE TABLE IF NOT EXISTS ecozone_access_industries (
              ordinal integer PRIMARY KEY, id text NOT NULL UNIQUE, zh text NOT NULL, en text);
            CREATE TABLE IF NOT EXISTS ecozone_access_units (
              ordinal integer PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL, province text NOT NULL, city text NOT NULL,
              county text NOT NULL, type text NOT NULL);
            CREATE TABLE IF NOT EXISTS ecozone_access_requirements (
              ordinal integer PRIMARY KEY, id text NOT NULL UNIQUE, level text NOT NULL, scope text NOT NULL,
              zone_collection text, zone_match jsonb, dimension text NOT NULL, effect text NOT NULL, industries jsonb NOT NULL,
              text_zh text NOT NULL, text_en text, basis_issuer text NOT NULL, basis_document text NOT NULL, basis_article text NOT NULL);
            CREATE INDEX IF NOT EXISTS ecozone_access_requirements_scope ON ecozone_access_requirements (scope);
            """;
    private static final java.util.regex.Pattern TABLES = java.util.regex.Pattern.compile("\\becozone_access_(list|industries|units|requirements)\\b");
    private final DataSource db;
    private final PgSchema schema;

    public PostgisAccessListStore(DataSource db) {
        this(db, PgSchema.DEFAULT);
    }

    /** The access list of the stored version in {@code schema}. */
    public PostgisAccessListStore(DataSource db, PgSchema schema) {
        this.db = db;
        this.schema = schema;
    }

    /** The SQL with the four tables qualified by the schema (index names stay unqualified, as PostgreSQL wants them). */
    private String q(String sql) {
        return schema.isDefault() ? sql : TABLES.matcher(sql).replaceAll(java.util.regex.Matcher.quoteReplacement(schema.prefix()) + "$0");
    }

    @Override
    public AccessList load() {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the four tables from one snapshot
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(q("SELECT to_regclass('ecozone_access_requirements') IS NOT NULL"))) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.rollback();
                        return AccessList.EMPTY;
                    }
                }
                LocalizedText title = LocalizedText.of("", null);
                try (ResultSet rs = st.executeQuery(q("SELECT title_zh, title_en FROM ecozone_access_list"))) {
                    if (rs.next()) title = LocalizedText.of(rs.getString(1), rs.getString(2));
                }
                List<Industry> industries = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(q("SELECT id, zh, en FROM ecozone_access_industries ORDER BY ordinal"))) {
                    while (rs.next()) industries.add(new Industry(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                List<Unit> units = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(q("SELECT code, name, province, city, county, type FROM ecozone_access_units ORDER BY ordinal"))) {
                    while (rs.next()) units.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
                List<Requirement> reqs = new ArrayList<>();
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery(q("SELECT id, level, scope, zone_collection, zone_match::text, dimension, effect, industries::text, "
                        + "text_zh, text_en, basis_issuer, basis_document, basis_article FROM ecozone_access_requirements ORDER BY ordinal"))) {
                    while (rs.next()) {
                        ZoneSelector zone = rs.getString(4) == null ? null : new ZoneSelector(rs.getString(4), match(rs.getString(5)));
                        List<String> inds = new ArrayList<>();
                        JSON.readTree(rs.getString(8)).forEach(v -> inds.add(v.asText()));
                        reqs.add(new Requirement(rs.getString(1), Level.of(rs.getString(2)), rs.getString(3), zone, Dimension.of(rs.getString(6)),
                                Effect.of(rs.getString(7)), inds, LocalizedText.of(rs.getString(9), rs.getString(10)),
                                new Basis(rs.getString(11), rs.getString(12), rs.getString(13))));
                    }
                }
                c.commit();
                return new AccessList(title, industries, units, reqs);
            }
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        } catch (IOException e) {
            throw new IllegalStateException("准入清单表中的 JSON 无法读取 / bad JSON in the access-list tables", e);
        }
    }

    private static Map<String, List<String>> match(String json) throws IOException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (json == null) return m;
        JSON.readTree(json).fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            m.put(e.getKey(), List.copyOf(values));
        });
        return m;
    }

    @Override
    public void store(AccessList list) throws IOException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    schema.create(c);
                    st.execute(q(SCHEMA));
                    // serialise concurrent imports; readers keep seeing the old rows until commit
                    st.execute(q("LOCK TABLE ecozone_access_list, ecozone_access_industries, ecozone_access_units, ecozone_access_requirements "
                            + "IN SHARE ROW EXCLUSIVE MODE"));
                    for (String t : List.of("ecozone_access_requirements", "ecozone_access_units", "ecozone_access_industries", "ecozone_access_list")) {
                        st.execute(q("DELETE FROM " + t));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(q("INSERT INTO ecozone_access_list (title_zh, title_en) VALUES (?, ?)"))) {
                    ps.setString(1, list.title().zh());
                    ps.setString(2, list.title().en());
                    ps.executeUpdate();
                }
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                StringBuilder s = new StringBuilder();
                int n = 0;
                for (Industry i : list.industries()) row(s, String.valueOf(n++), i.id(), i.zh(), i.en());
                copy.copyIn(q("COPY ecozone_access_industries (ordinal, id, zh, en) FROM STDIN WITH (FORMAT csv)"), new StringReader(s.toString()));
                s.setLength(0);
                n = 0;
                for (Unit u : list.units()) row(s, String.valueOf(n++), u.code(), u.name(), u.province(), u.city(), u.county(), u.type());
                copy.copyIn(q("COPY ecozone_access_units (ordinal, code, name, province, city, county, type) FROM STDIN WITH (FORMAT csv)"),
                        new StringReader(s.toString()));
                s.setLength(0);
                n = 0;
                for (Requirement r : list.requirements()) {
                    ArrayNode inds = JSON.createArrayNode();
                    r.industries().forEach(inds::add);
                    row(s, String.valueOf(n++), r.id(), r.level().zh(), r.scope(), r.zone() == null ? null : r.zone().collection(),
                            r.zone() == null ? null : matchJson(r.zone()), r.dimension().zh(), r.effect().zh(), inds.toString(), r.text().zh(),
                            r.text().en(), r.basis().issuer(), r.basis().document(), r.basis().article());
                }
                copy.copyIn(q("COPY ecozone_access_requirements (ordinal, id, level, scope, zone_collection, zone_match, dimension, effect, industries, "
                        + "text_zh, text_en, basis_issuer, basis_document, basis_article) FROM STDIN WITH (FORMAT csv)"), new StringReader(s.toString()));
                try (Statement st = c.createStatement()) {
                    st.execute(q("ANALYZE ecozone_access_requirements"));
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("准入清单写入数据库失败，原清单保持不变 / storing the access list failed, the old list is unchanged: " + e.getMessage(), e);
        }
    }

    private static String matchJson(ZoneSelector z) {
        ObjectNode o = JSON.createObjectNode();
        new TreeMap<>(z.match()).forEach((k, v) -> {
            ArrayNode a = o.putArray(k);
            v.forEach(a::add);
        });
        return o.toString();
    }

    /** One CSV line for COPY: every value quoted (so "" is an empty string), null as nothing (SQL NULL). */
    private static void row(StringBuilder s, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) s.append(',');
            if (values[i] != null) s.append('"').append(values[i].replace("\"", "\"\"")).append('"');
        }
        s.append('\n');
    }

    @Override
    public String describe() {
        return "PostGIS (" + (schema.isDefault() ? "" : schema.name() + ".") + "ecozone_access_*)";
    }

    /** Row counts of the three content tables, for messages: industries, units, requirements. */
    public long[] counts() {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q(
                "SELECT (SELECT count(*) FROM ecozone_access_industries), (SELECT count(*) FROM ecozone_access_units), "
                        + "(SELECT count(*) FROM ecozone_access_requirements)"))) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
    }
}
