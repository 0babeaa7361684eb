package cn.ecozone.app;

import java.io.IOException;
import java.util.List;

/**
 * One way of writing a use case's result (as pygeoapi's formatter plugins): a name for {@code f=} / {@code --format},
 * a media type, and the writing itself. Register it in the use case's {@link Formats} and every entry point offers it.
 *
 * @param <T> the result the format writes
 */
public interface OutputFormat<T> {
    /** The short name: {@code json}, {@code html}, {@code pdf}, {@code csv}, {@code geojson}, {@code txt}. */
    String name();

    /** The media type without parameters, e.g. {@code application/pdf}; it finds the format too. */
    String mediaType();

    /** Other names this format answers to (e.g. {@code application/json} for GeoJSON readers). */
    default List<String> aliases() {
        return List.of();
    }

    /** Binary formats are not written to a terminal. */
    default boolean binary() {
        return false;
    }

    /**
     * @param indented for a person reading a terminal (JSON pretty-printed); HTTP answers compact
     * @throws UseCaseException when an option the format reads is wrong or it cannot be written here (font missing)
     */
    Rendered render(T result, boolean indented) throws IOException;
}
