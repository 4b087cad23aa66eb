package org.acuteflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

class DistributionSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DistributionSpec parse(String json) throws Exception {
        JsonNode n = JSON.readTree(json);
        return DistributionSpec.from(n);
    }

    private static double sampleMean(DistributionSpec d, int n) {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(new long[] {1, 2, 3, 4, 5, 6});
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += d.sample(s);
        }
        return sum / n;
    }

    @Test
    void everyTypeHasTheRightMeanAndSamplesMatchIt() throws Exception {
        Object[][] cases = {
            {"12.5", 12.5},
            {"{\"type\":\"fixed\",\"value\":3}", 3.0},
            {"{\"type\":\"exponential\",\"mean\":10}", 10.0},
            {"{\"type\":\"lognormal\",\"mu\":2,\"sigma\":0.5}", Math.exp(2 + 0.125)},
            {"{\"type\":\"lognormal\",\"median\":20,\"sigma\":0.4}", 20 * Math.exp(0.08)},
            {"{\"type\":\"gamma\",\"shape\":2,\"scale\":15}", 30.0},
            {"{\"type\":\"triangular\",\"min\":5,\"mode\":10,\"max\":30}", 15.0},
            {"{\"type\":\"empirical\",\"values\":[1,2,4],\"weights\":[1,1,2]}", 2.75},
        };
        for (Object[] c : cases) {
            DistributionSpec d = parse((String) c[0]);
            double mean = (Double) c[1];
            assertEquals(mean, d.mean(), 1e-9, (String) c[0]);
            // 200k draws: the sample mean is within 2% of the mean for all of these (sd/mean <= 1).
            assertEquals(mean, sampleMean(d, 200_000), 0.02 * mean, (String) c[0]);
        }
    }

    @Test
    void lognormalMedianIsExpMu() throws Exception {
        assertEquals(90.0, parse("{\"type\":\"lognormal\",\"median\":90,\"sigma\":0.5}").median(), 1e-6);
    }

    @Test
    void badSpecsGiveActionableMessages() {
        String[][] bad = {
            {"{\"type\":\"exponential\",\"mean\":-1}", "mean"},
            {"{\"type\":\"lognormal\",\"sigma\":1}", "exactly one of 'mu' or 'median'"},
            {"{\"type\":\"weibull\",\"k\":1}", "unknown distribution type"},
            {"{\"type\":\"triangular\",\"min\":5,\"mode\":1,\"max\":3}", "min <= mode <= max"},
            {"{\"type\":\"empirical\",\"values\":[1,2],\"weights\":[1]}", "as many weights"},
            {"{\"type\":\"fixed\",\"value\":1,\"extra\":2}", "unknown key 'extra'"},
            {"\"ten\"", "a number or a mapping"},
            {"-3", "'value' must be"},
        };
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(b[0]), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
    }
}
