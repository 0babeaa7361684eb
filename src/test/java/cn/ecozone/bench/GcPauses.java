package cn.ecozone.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stop-the-world GC pauses of this JVM (where the benchmarks run the server), as the JVM reports them: for a
 * run's line (count, longest, sum between two uptimes) and for waiting until a number of young collections has passed.
 */
final class GcPauses {
    private final List<long[]> pauses = new CopyOnWriteArrayList<>(); // {end millis since JVM start, duration ms, young 1/0}

    private GcPauses() {}

    /** Starts listening to every collector of this JVM. */
    static GcPauses listen() {
        GcPauses p = new GcPauses();
        NotificationListener l = (n, h) -> {
            if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
            GarbageCollectionNotificationInfo i = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            // G1's concurrent cycle is reported too: only the stop-the-world pauses count
            if (i.getGcName().contains("Concurrent") || i.getGcName().contains("Cycles")) return;
            p.pauses.add(new long[] {i.getGcInfo().getEndTime(), i.getGcInfo().getDuration(), i.getGcAction().contains("minor") ? 1 : 0});
        };
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) ((NotificationEmitter) b).addNotificationListener(l, null, null);
        return p;
    }

    /** Milliseconds since the JVM started, the clock the pauses are given in. */
    static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** Young collections reported so far. */
    long young() {
        return pauses.stream().filter(p -> p[2] == 1).count();
    }

    /** "count / longest / sum" (ms) of the pauses that ended between the two uptimes. */
    String between(long t0, long t1) {
        long n = 0, max = 0, sum = 0;
        for (long[] p : pauses) {
            if (p[0] < t0 || p[0] > t1) continue;
            n++;
            max = Math.max(max, p[1]);
            sum += p[1];
        }
        return n + " / " + max + " / " + sum;
    }
}
