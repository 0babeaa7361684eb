package cn.ecozone.layer.postgis;

import cn.ecozone.layer.SourceUnavailable;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection pool per JDBC URL. Short timeouts, so that a database that has gone away is a 503 within
 * seconds, not a hung request; the pool reconnects by itself when it is back.
 */
public final class Databases {
    private static final Map<String, HikariDataSource> POOLS = new ConcurrentHashMap<>();

    private Databases() {}

    /** A database failure as the storage-neutral {@link SourceUnavailable} (HTTP 503). */
    public static SourceUnavailable unavailable(Throwable cause) {
        return new SourceUnavailable("数据库暂不可用，请稍后再试 / the database is unavailable, please retry shortly: " + cause.getMessage(), cause);
    }

    public static HikariDataSource pool(String jdbcUrl) {
        return POOLS.computeIfAbsent(jdbcUrl, url -> {
            HikariConfig c = new HikariConfig();
            c.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "connectTimeout=3&socketTimeout=30&ApplicationName=ecozone");
            c.setMaximumPoolSize(16);
            c.setMinimumIdle(0);
            c.setConnectionTimeout(3_000);
            c.setValidationTimeout(2_000);
            c.setInitializationFailTimeout(-1); // start even when the database is down; requests get 503 until it is up
            c.setPoolName("ecozone-" + POOLS.size());
            return new HikariDataSource(c);
        });
    }

    /** The pools opened so far, by JDBC URL (metrics). */
    public static Map<String, HikariDataSource> pools() {
        return Map.copyOf(POOLS);
    }

    /** Closes every pool (tests that start and stop databases). */
    public static void closeAll() {
        POOLS.values().forEach(HikariDataSource::close);
        POOLS.clear();
    }
}
