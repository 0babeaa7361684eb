package cn.ecozone.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered as RFC 7807 problem JSON. {@code detail} is written for a planner: what was wrong and
 * what to do, in Chinese with English beside.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final Integer retryAfterSeconds;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} (a busy server's 503), or null */
    public ApiProblem(int status, String title, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "请求有误 Bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "未找到 Not found", detail);
    }

    /** Adds an extension member to the problem JSON (e.g. {@code errors}: every located error of an import). */
    public ApiProblem with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String detail() {
        return getMessage();
    }
}
