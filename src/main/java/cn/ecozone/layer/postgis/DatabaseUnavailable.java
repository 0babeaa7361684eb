package cn.ecozone.layer.postgis;

/** The database cannot be reached or failed: answered as 503, the server recovers when the database is back. */
public class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(Throwable cause) {
        super("数据库暂不可用，请稍后再试 / the database is unavailable, please retry shortly: " + cause.getMessage(), cause);
    }
}
