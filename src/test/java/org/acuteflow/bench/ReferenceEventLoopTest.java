package org.acuteflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReferenceEventLoopTest {
    @Test
    void processesExactlyTheRequestedEventsForAWholeNumberPerIncident() {
        ReferenceEventLoop.Result r = ReferenceEventLoop.run(10_000, 6, 525_600, 20, 1);
        assertEquals(60_000, r.events());
    }

    @Test
    void fractionalEventsPerIncidentAverageOut() {
        ReferenceEventLoop.Result r = ReferenceEventLoop.run(100_000, 5.5, 525_600, 20, 2);
        // 100k Bernoulli(0.5) extra events: sd = 158, so +-1,000 is over 6 sd.
        assertEquals(550_000, r.events(), 1_000);
    }
}
