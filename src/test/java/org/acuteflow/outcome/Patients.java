package org.acuteflow.outcome;

import org.acuteflow.demand.AgeBand;
import org.acuteflow.demand.Condition;

/** Builders of test patients: the reference case of each condition, with one attribute changed at a time. */
final class Patients {
    private Patients() {
    }

    /** Untreated stroke on a general ward with a specialist on site. */
    static OutcomeInput stroke(Condition type, AgeBand age) {
        return new OutcomeInput(type, age, false, Double.NaN, Double.NaN, CareLevel.GENERAL_WARD, true, false,
                30, 5, 30);
    }

    static OutcomeInput stroke(Condition type, AgeBand age, CareLevel care, boolean specialistOnSite) {
        return new OutcomeInput(type, age, false, Double.NaN, Double.NaN, care, specialistOnSite, false, 30, 5, 30);
    }

    static OutcomeInput thrombolysed(double onsetToNeedleMinutes) {
        return new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, false, onsetToNeedleMinutes,
                Double.NaN, CareLevel.HASU, true, false, 30, 5, 30);
    }

    static OutcomeInput lvo(double onsetToNeedleMinutes, double onsetToPunctureMinutes) {
        return new OutcomeInput(Condition.STROKE_ISCHAEMIC, AgeBand.UNDER_80, true, onsetToNeedleMinutes,
                onsetToPunctureMinutes, CareLevel.HASU, true, false, 30, 5, 30);
    }

    static OutcomeInput trauma(CareLevel care, double callToDefinitiveCareMinutes) {
        return new OutcomeInput(Condition.MAJOR_TRAUMA, AgeBand.UNDER_80, false, Double.NaN, Double.NaN, care, true,
                false, 30, 5, callToDefinitiveCareMinutes);
    }

    static OutcomeInput emergency(Condition condition, double roadKm, boolean consultantOnSite, boolean weekend) {
        return new OutcomeInput(condition, AgeBand.UNDER_80, false, Double.NaN, Double.NaN,
                CareLevel.EMERGENCY_DEPARTMENT, consultantOnSite, weekend, 30, roadKm, 30);
    }
}
