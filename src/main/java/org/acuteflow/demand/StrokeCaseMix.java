package org.acuteflow.demand;

import org.acuteflow.config.DistributionSpec;
import org.acuteflow.config.Problems;

/**
 * Who the suspected strokes are.
 *
 * @param mimicShare                 share of suspected-stroke cases that are mimics
 * @param ischaemicShare             share of true strokes that are ischaemic (the rest haemorrhagic)
 * @param onsetKnownShare            share of strokes with a known onset time (only they can be thrombolysed)
 * @param eligibleShare              share of ischaemic strokes eligible for thrombolysis if within the window
 * @param largeVesselOcclusionShare  share of ischaemic strokes with a large-vessel occlusion
 * @param recognitionProbability     probability that the ambulance crew recognises a stroke (or mimic) as
 *                                   suspected stroke
 * @param onsetToCallMinutes         onset to call for true strokes
 * @param mimicOnsetToCallMinutes    symptom onset to call for mimics
 */
public record StrokeCaseMix(double mimicShare, double ischaemicShare, double onsetKnownShare, double eligibleShare,
                            double largeVesselOcclusionShare, double recognitionProbability,
                            DistributionSpec onsetToCallMinutes, DistributionSpec mimicOnsetToCallMinutes) {

    void validate(Problems p, String path) {
        if (p.probability(path + ".mimic_share", mimicShare) && mimicShare >= 1) {
            p.add(path + ".mimic_share", "must be below 1 (some suspected strokes must be strokes)");
        }
        p.probability(path + ".ischaemic_share", ischaemicShare);
        p.probability(path + ".onset_known_share", onsetKnownShare);
        p.probability(path + ".eligible_share", eligibleShare);
        p.probability(path + ".large_vessel_occlusion_share", largeVesselOcclusionShare);
        p.probability(path + ".recognition_probability", recognitionProbability);
    }
}
