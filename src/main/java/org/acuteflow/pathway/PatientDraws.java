package org.acuteflow.pathway;

import java.util.function.Function;
import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.ClassDemand;
import org.acuteflow.demand.Patient;
import umontreal.ssj.rng.RandomStream;

/**
 * The draws every emergency admission takes, whatever its pathway: the age band ({@code demand.age}) and the
 * uniform that samples its death ({@code outcome.draw}). The streams are the replication's, shared by pathways,
 * so patients draw from them in the order they are created.
 */
public final class PatientDraws {
    private final RandomStream age;
    private final RandomStream outcome;

    public PatientDraws(Function<String, RandomStream> streams) {
        this.age = streams.apply("demand.age");
        this.outcome = streams.apply("outcome.draw");
    }

    /** Draws the age band, then the outcome uniform. */
    public void ageAndOutcome(Patient p, ClassDemand demand) {
        p.ageBand = age.nextDouble() < demand.aged80PlusShare() ? AgeBand.AGED_80_PLUS : AgeBand.UNDER_80;
        p.outcomeUniform = outcome.nextDouble();
    }
}
