package org.acuteflow.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import umontreal.ssj.rng.MRG32k3aL;
import umontreal.ssj.rng.RandomStream;

/**
 * The named MRG32k3a streams of one replication.
 *
 * <p>Each source of randomness asks for its stream by a stable name (for example {@code "demand.stroke.onset"}).
 * The stream's seed depends only on the experiment's base seed and that name; the replication index selects
 * substream {@code r} of it. So the same patient sees the same numbers in every scenario (common random numbers)
 * and in every thread, whatever order streams are asked for.
 *
 * <p>The generator is SSJ's {@link MRG32k3aL}: the same MRG32k3a recurrence, seeds, streams and substreams as
 * {@code MRG32k3a}, giving the same numbers (checked by RandomStreamsTest), but computed in 64-bit integer
 * arithmetic instead of floating point, which makes a uniform about twice as fast on this model's hot path
 * (docs/performance.md).
 *
 * <p>Not thread-safe: one instance belongs to one replication on one thread.
 */
public final class RandomStreams {
    private static final long M1 = 4294967087L;
    private static final long M2 = 4294944443L;
    /** Guards SSJ's static seed counter, which the MRG32k3a constructor advances before we overwrite it. */
    private static final Object SSJ_CONSTRUCTOR_LOCK = new Object();

    private final long baseSeed;
    private final int replication;
    private final Map<String, MRG32k3aL> streams = new HashMap<>();

    public RandomStreams(long baseSeed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication index must be >= 0, got " + replication);
        }
        this.baseSeed = baseSeed;
        this.replication = replication;
    }

    public int replication() {
        return replication;
    }

    /** The stream named {@code name}, positioned at the start of substream {@code replication}. */
    public RandomStream stream(String name) {
        return streams.computeIfAbsent(name, this::create);
    }

    private MRG32k3aL create(String name) {
        MRG32k3aL stream;
        synchronized (SSJ_CONSTRUCTOR_LOCK) {
            stream = new MRG32k3aL(name);
        }
        stream.setSeed(seedFor(baseSeed, name));
        for (int i = 0; i < replication; i++) {
            stream.resetNextSubstream();
        }
        return stream;
    }

    /** A valid MRG32k3a seed (each triple below its modulus and not all zero) derived from (base seed, name). */
    static long[] seedFor(long baseSeed, String name) {
        long state = baseSeed ^ fnv1a64(name);
        long[] seed = new long[6];
        for (int i = 0; i < 6; i++) {
            state += 0x9E3779B97F4A7C15L;
            long m = i < 3 ? M1 : M2;
            seed[i] = Math.floorMod(splitMix(state), m);
        }
        if (seed[0] == 0 && seed[1] == 0 && seed[2] == 0) {
            seed[0] = 12345;
        }
        if (seed[3] == 0 && seed[4] == 0 && seed[5] == 0) {
            seed[3] = 12345;
        }
        return seed;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
