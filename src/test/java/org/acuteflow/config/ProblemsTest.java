package org.acuteflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void rangeMessagesWriteWholeNumbersAsWholeNumbers() {
        Problems problems = Problems.forFile("command line");
        assertFalse(problems.inRange("--speedup-rounds", 0, 1, 100));
        assertFalse(problems.inRange("share", 1.5, 0, 1));
        assertFalse(problems.inRange("minutes", 0.25, 0.5, 2.75));
        assertTrue(problems.inRange("ok", 3, 1, 100));
        assertEquals(3, problems.list().size());
        assertTrue(problems.list().get(0).toString().contains("must be between 1 and 100, got 0"),
                problems.list().get(0).toString());
        assertTrue(problems.list().get(1).toString().contains("must be between 0 and 1, got 1.5"),
                problems.list().get(1).toString());
        assertTrue(problems.list().get(2).toString().contains("must be between 0.5 and 2.75, got 0.25"),
                problems.list().get(2).toString());
    }
}
