package org.acuteflow.demand;

/** The level of care where the patient was definitively treated (recorded on the journey, read by the outcome model). */
public enum CareLevel {
    /** Hyper-acute stroke unit (organised stroke care, 24/7 specialists). */
    HASU,
    /** Stroke unit (organised stroke care). */
    STROKE_UNIT,
    /** General medical ward (no organised stroke care). */
    GENERAL_WARD,
    /** Major trauma centre. */
    MTC,
    /** Trauma unit (not a major trauma centre). */
    TRAUMA_UNIT,
    /** Emergency department of an acute hospital (other emergencies). */
    EMERGENCY_DEPARTMENT
}
