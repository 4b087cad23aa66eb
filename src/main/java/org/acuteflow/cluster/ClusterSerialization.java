package org.acuteflow.cluster;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The two kinds of object acuteflow sends between processes, written field by field (Hazelcast's
 * IdentifiedDataSerializable) rather than with Java serialization: compact, and nothing else can be instantiated
 * from the wire by this factory.
 */
final class ClusterSerialization implements DataSerializableFactory {
    static final int FACTORY_ID = 20_100;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case ReplicationTask.CLASS_ID -> new ReplicationTask();
            case TaskOutcome.CLASS_ID -> new TaskOutcome();
            default -> null;
        };
    }
}
