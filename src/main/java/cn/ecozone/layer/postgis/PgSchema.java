package cn.ecozone.layer.postgis;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PostgreSQL schema that holds one stored data version (its layer tables, {@code ecozone_meta} and the
 * {@code ecozone_access_*} tables). {@link #DEFAULT} leaves table names unqualified, so they resolve through the
 * connection's {@code search_path} (normally {@code public}) exactly as before schemas existed; a named schema
 * qualifies every table as {@code "name"."table"}. A name follows PostgreSQL's identifier rules, restricted to
 * lower case so that it means the same quoted and unquoted: a letter or {@code _}, then letters, digits or {@code _},
 * at most 63 characters, not {@code pg_…} (reserved). It is only ever written into SQL quoted.
 */
public final class PgSchema {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Unqualified names: the schema used before stored versions existed. */
    public static final PgSchema DEFAULT = new PgSchema(null);

    private final String name;

    private PgSchema(String name) {
        this.name = name;
    }

    /**
     * The schema called {@code name}, or {@link #DEFAULT} for null or blank.
     *
     * @throws IllegalArgumentException with a bilingual message when the name breaks the rules
     */
    public static PgSchema of(String name) {
        if (name == null || name.isBlank()) return DEFAULT;
        if (!NAME.matcher(name).matches() || name.startsWith("pg_")) {
            throw new IllegalArgumentException("模式名 \"" + name + "\" 无效：应以小写字母或下划线开头，只含小写字母、数字、下划线，最长 63 个字符，且不以 pg_ 开头"
                    + " / invalid schema name \"" + name + "\": a lower-case letter or _, then lower-case letters, digits or _, at most 63 characters, not pg_…");
        }
        return new PgSchema(name);
    }

    /** The name, or null for {@link #DEFAULT}. */
    public String name() {
        return name;
    }

    public boolean isDefault() {
        return name == null;
    }

    /** A table of this schema, quoted (and qualified unless {@link #DEFAULT}). */
    String table(String table) {
        return prefix() + Sql.ident(table);
    }

    /** {@code "name".} or nothing. */
    String prefix() {
        return name == null ? "" : Sql.ident(name) + ".";
    }

    /** {@code ecozone_meta}, the layers' revisions, in this schema. */
    String meta() {
        return table("ecozone_meta");
    }

    /** Creates the schema when missing (nothing for {@link #DEFAULT}). */
    void create(Connection c) throws SQLException {
        if (name == null) return;
        try (var st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(name));
        }
    }

    /**
     * Whether this schema holds a stored version: its {@code ecozone_meta} table and one table per given layer table.
     * {@link #DEFAULT} is not checked (it behaves as before: tables missing there are a 503 on first use).
     */
    public List<String> missingTables(DataSource db, List<String> layerTables) {
        List<String> missing = new ArrayList<>();
        if (name == null) return missing;
        List<String> wanted = new ArrayList<>(layerTables);
        wanted.add(0, "ecozone_meta");
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                     + "WHERE n.nspname = ? AND r.relname = ? AND r.relkind IN ('r', 'p', 'v', 'm')")) {
            for (String t : wanted) {
                ps.setString(1, name);
                ps.setString(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) missing.add(t);
                }
            }
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
        return missing;
    }

    /** The schemas of the database that hold a stored version (an {@code ecozone_meta} table), sorted. */
    public static List<String> stored(DataSource db) {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace "
                     + "WHERE r.relname = 'ecozone_meta' AND r.relkind = 'r' ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) names.add(rs.getString(1));
        } catch (SQLException e) {
            throw Databases.unavailable(e);
        }
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgSchema s && Objects.equals(name, s.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return name == null ? "(default)" : name;
    }
}
