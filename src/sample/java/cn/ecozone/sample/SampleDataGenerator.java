package cn.ecozone.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the illustrative sample data (示意数据) of EcoZone: the layer catalog, six GeoJSON
 * layers, the access list and one style per layer. Deterministic: fixed random seeds, the
 * 1e-7 degree grid, sorted keys, LF line ends, no timestamps.
 *
 * <p>Usage: {@code SampleDataGenerator [outputRoot]} (default: current directory); writes
 * {@code outputRoot/layers/} and {@code outputRoot/styles/}.
 */
public final class SampleDataGenerator {
    private SampleDataGenerator() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        generate(root);
    }

    public static void generate(Path root) {
        Path layers = root.resolve("layers");
        List<District> raw = DistrictOutlines.build();
        ControlUnitTiler.Result tiled = ControlUnitTiler.tile(raw);
        List<District> districts = tiled.districts();
        List<Feature> admin = new ArrayList<>();
        for (District d : districts) {
            admin.add(AdminLayer.feature(d));
        }
        SampleJson.write(layers.resolve("admin.geojson"), GeoJsonWriter.collection(admin));
        SampleJson.write(layers.resolve("control_unit.geojson"), GeoJsonWriter.collection(tiled.units()));
        List<Feature> redlines = RedLines.build(tiled.units());
        SampleJson.write(layers.resolve("redline.geojson"), GeoJsonWriter.collection(redlines));
        WaterSources.Result ws = WaterSources.build(districts);
        SampleJson.write(layers.resolve("water_source.geojson"), GeoJsonWriter.collection(ws.features()));
        List<Feature> plots = RestorationPlots.build(districts, redlines, ws);
        SampleJson.write(layers.resolve("restoration.geojson"), GeoJsonWriter.collection(plots));
        List<Feature> points = MonitoringPoints.build(districts);
        SampleJson.write(layers.resolve("monitoring.geojson"), GeoJsonWriter.collection(points));
        SampleJson.write(layers.resolve("catalog.json"), SampleJson.pretty(SampleCatalog.build()));
        SampleJson.write(layers.resolve("access-list.json"), SampleJson.pretty(SampleAccessList.build(tiled.units())));
        Styles.build().forEach((id, style) -> SampleJson.write(root.resolve("styles").resolve(id + ".json"), SampleJson.pretty(style)));
    }
}
