package cn.ecozone.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes uploaded text whose encoding nobody states: UTF-8 when the bytes are valid UTF-8 (with or without
 * a BOM), otherwise GBK (read as GB18030, its superset), which is what Windows tools in China write.
 */
public final class TextDecoding {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {}

    /** The text and the charset it was read with. */
    public record Decoded(String text, Charset charset) {}

    public static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf).toString();
            return new Decoded(s, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, start, bytes.length - start, GB18030), GB18030);
        }
    }
}
