package org.acuteflow.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap over a stretch of work, two ways. <em>Peak used</em> is the sum over heap pools of each pool's peak
 * since {@link #start()}: an upper bound on what the heap ever held, garbage included, so it mostly reflects how
 * large the collector let the young generation grow. <em>Peak live</em> is the largest heap occupancy right after
 * a collection, which is what the work really needs to keep: the figure to compare with a heap limit.
 *
 * <p>Confined to the thread that creates it; the collector's notifications arrive on a JMX thread and only update
 * a volatile maximum. Close it to unregister the listener.
 */
public final class HeapMeter implements AutoCloseable {
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;
    private volatile long peakLiveBytes;
    private volatile int collections;

    /** Collects garbage, resets the pools' peaks and starts listening to collections. */
    public static HeapMeter start() {
        HeapMeter m = new HeapMeter();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
                m.heapPools.add(pool);
            }
        }
        m.peakLiveBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(m.listener, null, null);
                m.emitters.add(emitter);
            }
        }
        return m;
    }

    private HeapMeter() {
    }

    private void onCollection(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long live = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
                live += e.getValue().getUsed();
            }
        }
        synchronized (this) {
            peakLiveBytes = Math.max(peakLiveBytes, live);
            collections++;
        }
    }

    private boolean isHeapPool(String name) {
        for (MemoryPoolMXBean p : heapPools) {
            if (p.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Sum of the heap pools' peaks since {@link #start()} (garbage included; an upper bound). */
    public long peakUsedBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** Largest heap occupancy just after a collection since {@link #start()}. */
    public long peakLiveBytes() {
        return peakLiveBytes;
    }

    /** Collections seen since {@link #start()}. */
    public int collections() {
        return collections;
    }

    /** Both peaks at one moment. */
    public record Reading(long peakUsedBytes, long peakLiveBytes, int collections) {
    }

    public Reading reading() {
        return new Reading(peakUsedBytes(), peakLiveBytes(), collections());
    }

    /** The JVM's heap limit (-Xmx). */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // Already gone: nothing to undo.
            }
        }
        emitters.clear();
    }
}
