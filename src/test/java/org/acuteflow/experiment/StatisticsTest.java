package org.acuteflow.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void studentIntervalMatchesHandComputation() {
        // values 1..5: mean 3, sd sqrt(2.5) = 1.5811, t(0.975, 4) = 2.776445, half = 2.776445 * 1.5811 / sqrt(5)
        Statistics.Interval ci = Statistics.interval95(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, ci.mean(), 1e-12);
        assertEquals(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), ci.halfWidth(), 1e-5);
        assertEquals(5, ci.n());
    }

    @Test
    void oneReplicationHasNoInterval() {
        Statistics.Interval ci = Statistics.interval95(new double[] {4.2});
        assertEquals(4.2, ci.mean());
        assertFalse(ci.hasInterval());
        assertTrue(Double.isNaN(ci.low()));
    }

    @Test
    void missingValuesAreIgnored() {
        Statistics.Interval ci = Statistics.interval95(new double[] {Double.NaN, 2, 4});
        assertEquals(3.0, ci.mean(), 1e-12);
        assertEquals(2, ci.n());
    }

    @Test
    void pairedDifferencesAreElementWise() {
        double[] d = Statistics.pairedDifferences(new double[] {5, 7}, new double[] {1, 10});
        assertEquals(4, d[0]);
        assertEquals(-3, d[1]);
    }
}
