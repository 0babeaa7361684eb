package cn.ecozone.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The site check's answer lists each object's fields in one fixed order: without {@link JsonPropertyOrder} Jackson put
 * the derived objects ({@code area}, {@code gkArea}, {@code declared} …) in the order reflection gave their methods,
 * which changed between JVM runs (read4 saw {@code Parcel}'s come out in two orders).
 */
class SiteCheckResultOrderTest {
    static final List<Class<?>> ORDERED = List.of(SiteCheckResult.Site.class, SiteCheckResult.Parcel.class, SiteCheckResult.Hit.class,
            SiteCheckResult.Coverage.class);

    @Test
    void theOrderNamesEveryFieldOnceAndTheAnswerFollowsIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (Class<?> type : ORDERED) {
            JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
            assertNotNull(order, type + " has a fixed order");
            Set<String> fields = new HashSet<>();
            for (RecordComponent c : type.getRecordComponents()) fields.add(c.getName());
            for (Method m : type.getDeclaredMethods()) {
                JsonProperty p = m.getAnnotation(JsonProperty.class);
                if (p != null) fields.add(p.value());
            }
            assertEquals(fields, new HashSet<>(Arrays.asList(order.value())), type + ": the order lists every field, and nothing else");
            assertEquals(order.value().length, fields.size(), type + ": each once");
            List<String> written = new ArrayList<>();
            mapper.valueToTree(sample(type)).fieldNames().forEachRemaining(written::add);
            assertEquals(List.of(order.value()), written, type + ": the answer's order");
        }
    }

    /** An instance with every component set (no nulls, so no field is left out). */
    static Object sample(Class<?> type) throws Exception {
        RecordComponent[] cs = type.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Class<?> t = cs[i].getType();
            types[i] = t;
            args[i] = t == double.class || t == Double.class ? (Object) 1.5 : t == int.class ? (Object) 2 : t == String.class ? "s"
                    : t == List.class ? List.of() : t == Map.class ? Map.of("k", "v") : t == double[].class ? new double[] {1, 2, 3, 4} : null;
            assertNotNull(args[i], type + "." + cs[i].getName() + ": a sample value for " + t);
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }
}
