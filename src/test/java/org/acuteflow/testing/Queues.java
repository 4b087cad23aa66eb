package org.acuteflow.testing;

/** Closed forms of the queues the tests compare the model with. */
public final class Queues {
    private Queues() {
    }

    /** Erlang-C probability that an arrival waits, {@code c} servers, offered load {@code a} < c (Erlangs). */
    public static double erlangC(int c, double a) {
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term * c / (c - a);
        return last / (sum + last);
    }

    /** Erlang-C mean wait in queue, Wq = C(c, a) / (c mu - lambda), a = lambda / mu. */
    public static double erlangCMeanWait(double lambda, double mu, int c) {
        return erlangC(c, lambda / mu) / (c * mu - lambda);
    }
}
