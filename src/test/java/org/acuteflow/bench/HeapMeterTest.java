package org.acuteflow.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapMeterTest {
    @Test
    void peaksArePositiveAndUsedIsAtLeastTheLiveHeapSeenAfterTheFirstCollection() {
        try (HeapMeter meter = HeapMeter.start()) {
            long[] keep = new long[1 << 20];
            keep[keep.length - 1] = 1;
            HeapMeter.Reading r = meter.reading();
            assertTrue(r.peakUsedBytes() >= 8L << 20, "an 8 MiB array was live: " + r);
            assertTrue(r.peakLiveBytes() > 0, r.toString());
            assertTrue(HeapMeter.maxHeapBytes() >= r.peakLiveBytes());
            assertTrue(keep[keep.length - 1] == 1);
        }
    }
}
