package org.acuteflow.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.acuteflow.cli.Main;

/** Runs the command line in this JVM and keeps what it printed. */
final class Cli {
    private Cli() {
    }

    record Result(int code, String out, String err) {
        /** A stack frame line: the sign of an exception that escaped to the user. */
        void assertNoStackTrace(String context) {
            assertFalse(err.contains("\tat ") || out.contains("\tat "), context + ": stack trace printed:\n" + err);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
