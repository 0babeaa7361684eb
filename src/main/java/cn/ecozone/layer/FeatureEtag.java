package cn.ecozone.layer;

import org.geotools.api.feature.simple.SimpleFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ETag of a feature: the first 16 bytes of SHA-256 over its canonical GeoJSON ({@link FeatureJson}: id,
 * geometry, attributes in schema order), as hex. Same content, same ETag, on any server and after restarts.
 */
public final class FeatureEtag {
    private FeatureEtag() {}

    public static String of(SimpleFeature f, LayerDef layer) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(FeatureJson.of(f, layer).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
