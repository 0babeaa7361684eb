package cn.ecozone;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** geotools-wrapper bundles slf4j-api 1.7; if it wins the classpath, all logging silently becomes a no-op. */
class LoggingTest {
    @Test
    void slf4jHasARealBinding() {
        String factory = LoggerFactory.getILoggerFactory().getClass().getName();
        assertFalse(factory.contains("NOP"), "slf4j fell back to " + factory + ": declare slf4j before geotools-wrapper");
    }
}
