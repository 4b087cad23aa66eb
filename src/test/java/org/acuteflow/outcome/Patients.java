package org.acuteflow.outcome;

import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.CareLevel;
import org.acuteflow.demand.Condition;

/** Builders of test patients: the reference case of each condition, with one attribute changed at a time. */
final class Patients {
    private Patients() {
    }

    /** Untreated stroke on a general ward, weekday admission. */
    static OutcomeInput stroke(Condition type, AgeBand age) {
        return stroke(type, age, 0, false);
    }

    static OutcomeInput stroke(Condition type, AgeBand age, double organisedShare, boolean weekend) {
        return new OutcomeInput(type, age, false, Double.NaN, Double.NaN, CareLevel.GENERAL_WARD, organisedShare,
                true, weekend, true, 5, 30);
    }

    /** Ischaemic stroke without LVO, under 80, general ward, weekday, thrombolysed at the given time (NaN: not). */
    static OutcomeInput thrombolysed(double onsetToNeedleMinutes) {
        return new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, false, onsetToNeedleMinutes,
                Double.NaN, CareLevel.GENERAL_WARD, 0, true, false, true, 5, 30);
    }

    static OutcomeInput lvo(double onsetToNeedleMinutes, double onsetToPunctureMinutes) {
        return new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, true, onsetToNeedleMinutes,
                onsetToPunctureMinutes, CareLevel.GENERAL_WARD, 0, true, false, true, 5, 30);
    }

    static OutcomeInput trauma(CareLevel care, double callToDefinitiveCareMinutes) {
        return trauma(care, AgeBand.UNDER_80, callToDefinitiveCareMinutes);
    }

    static OutcomeInput trauma(CareLevel care, AgeBand age, double callToDefinitiveCareMinutes) {
        return new OutcomeInput(Condition.MAJOR_TRAUMA, age, false, Double.NaN, Double.NaN, care, 0, true, false,
                true, 5, callToDefinitiveCareMinutes);
    }

    static OutcomeInput emergency(Condition condition, double roadKm, boolean consultantOnSite, boolean weekend) {
        return emergency(condition, roadKm, consultantOnSite, weekend, true);
    }

    static OutcomeInput emergency(Condition condition, double roadKm, boolean consultantOnSite, boolean weekend,
                                  boolean ambulance) {
        return new OutcomeInput(condition, AgeBand.UNDER_80, false, Double.NaN, Double.NaN,
                CareLevel.EMERGENCY_DEPARTMENT, 0, consultantOnSite, weekend, ambulance, roadKm, 30);
    }
}
