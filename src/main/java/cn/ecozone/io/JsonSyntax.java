package cn.ecozone.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A planner-readable description of broken JSON: where (line, column, when Jackson knows) and why. */
public final class JsonSyntax {
    private JsonSyntax() {}

    /** e.g. "JSON 格式错误，第 2 行第 5 列 / invalid JSON at line 2: Unexpected end-of-input". */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        // nesting-depth and size limits are raised without a location
        String where = at == null ? "" : "，第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列";
        String whereEn = at == null ? "" : " at line " + at.getLineNr();
        return "JSON 格式错误" + where + " / invalid JSON" + whereEn + ": " + e.getOriginalMessage();
    }
}
