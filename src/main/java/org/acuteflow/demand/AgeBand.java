package org.acuteflow.demand;

/** Age bands used by the outcome model and the thrombolysis window (80+ has a shorter window). */
public enum AgeBand {
    UNDER_80,
    AGED_80_PLUS
}
