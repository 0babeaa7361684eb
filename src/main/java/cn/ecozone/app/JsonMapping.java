package cn.ecozone.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapper of EcoZone: UTF-8, no escaping of Chinese, ISO dates. The server's {@code api.Json.MAPPER} is
 * this mapper, so the JSON a use case writes for the command line is the JSON the HTTP routes answer.
 */
public final class JsonMapping {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonMapping() {}
}
