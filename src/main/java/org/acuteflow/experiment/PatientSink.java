package org.acuteflow.experiment;

/**
 * Receives one CSV row per patient when {@code --patients} is asked for. A replication writes only to its own
 * sink, so no locking is needed.
 */
public interface PatientSink {
    PatientSink NONE = new PatientSink() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void header(String csvHeader) {
        }

        @Override
        public void row(String csvRow) {
        }
    };

    /** False when no patient output is wanted: callers skip building rows. */
    boolean enabled();

    void header(String csvHeader);

    void row(String csvRow);
}
