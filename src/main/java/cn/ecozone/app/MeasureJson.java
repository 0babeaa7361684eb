package cn.ecozone.app;

import java.io.IOException;

/** {@code json}: the full measurement report. */
public final class MeasureJson implements OutputFormat<MeasureUseCase.Measurement> {
    @Override public String name() { return "json"; }

    @Override public String mediaType() { return "application/json"; }

    @Override
    public Rendered render(MeasureUseCase.Measurement m, boolean indented) throws IOException {
        var writer = indented ? JsonMapping.MAPPER.writerWithDefaultPrettyPrinter() : JsonMapping.MAPPER.writer();
        return Rendered.of(writer.writeValueAsBytes(m.report()), "application/json");
    }
}
