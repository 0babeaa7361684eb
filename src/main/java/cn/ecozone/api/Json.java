package cn.ecozone.api;

import cn.ecozone.app.JsonMapping;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the server ({@link JsonMapping#MAPPER}): UTF-8, no escaping of Chinese, ISO dates. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapping.MAPPER;

    private Json() {}
}
