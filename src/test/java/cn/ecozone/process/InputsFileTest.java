package cn.ecozone.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A job's inputs.json streamed into its file ({@link Jobs#writeAtomically(Path, com.fasterxml.jackson.databind.JsonNode)})
 * holds the bytes the former code wrote ({@code MAPPER.writeValueAsBytes(inputs)} then written), for inputs of every
 * shape: long inline lists with quotes, line breaks, Chinese and astral characters, numbers, objects, base64 values.
 */
class InputsFileTest {
    @TempDir Path dir;

    @Test
    void streamedInputsAreTheFormerBytes() throws Exception {
        Random r = new Random(3);
        String[] pieces = {"a", ",", "\"", "\n", "\r\n", "\\", "项目", "\u0001", "\ud83d\ude00", "POLYGON((1 2,3 4))", " ", "é", "\u2028"};
        for (int t = 0; t < 60; t++) {
            StringBuilder list = new StringBuilder();
            int n = t < 3 ? 200_000 : r.nextInt(3000);
            for (int i = 0; i < n; i++) list.append(pieces[r.nextInt(pieces.length)]);
            ObjectNode inputs = Jobs.MAPPER.createObjectNode();
            if (t % 3 == 0) inputs.putObject("projects").put("value", list.toString()).put("mediaType", "text/csv");
            else inputs.put("projects", list.toString());
            if (r.nextBoolean()) inputs.put("industry", "光伏");
            if (r.nextBoolean()) inputs.put("nearbyM", r.nextInt(5000) + r.nextDouble());
            if (r.nextBoolean()) inputs.put("reports", true);
            if (r.nextBoolean()) inputs.putNull("crs");
            Path f = dir.resolve("inputs" + t + ".json");
            Jobs.writeAtomically(f, inputs);
            assertArrayEquals(Jobs.MAPPER.writeValueAsBytes(inputs), Files.readAllBytes(f));
            assertEquals(inputs, Jobs.MAPPER.readTree(f.toFile()));
        }
    }
}
