package org.acuteflow.demand;

/**
 * One patient of one replication, the part every pathway shares: attributes drawn at creation (identical in
 * every configuration, for common random numbers), per-patient service times, and the timestamps of the journey
 * (clock minutes; NaN = did not happen). What only one pathway needs lives in its {@link #state}. Mutable and
 * confined to the replication's thread.
 */
public final class Patient {
    // ---- attributes (drawn at creation from demand streams) ----
    public long id;
    public DemandClass demandClass;
    /** Null for other incidents (not an emergency admission). */
    public Condition condition;
    public int zone;
    public AgeBand ageBand;
    public boolean selfPresenter;
    public boolean categoryA;
    public boolean conveyed;
    /** Onset (or call, for non-stroke classes) after the warm-up: the patient enters the statistics. */
    public boolean counted;
    /** Uniform for sampling death, drawn at creation from the outcome stream. */
    public double outcomeUniform;

    // ---- per-patient service times (minutes), drawn at creation from service streams ----
    /**
     * Uniforms of the mobilisation, on-scene, handover and emergency-department durations. They are drawn at
     * creation, so every stream advances the same whatever happens next, and turned into minutes only when the
     * journey reaches that stage ({@code PatientFactory}): inverting a lognormal is costly and about a third of
     * these durations are never needed (self-presenters never see an ambulance; patients left at scene never
     * reach an emergency department). The minutes are exactly those an immediate draw would give.
     */
    public double mobilisationUniform;
    public double onSceneUniform;
    public double handoverUniform;
    public double edStayUniform;

    // ---- timestamps (clock minutes) ----
    public double onsetMinutes = Double.NaN;
    public double callMinutes = Double.NaN;
    public double dispatchMinutes = Double.NaN;
    public double atSceneMinutes = Double.NaN;
    /** A response car's arrival at the scene ahead of the ambulance, or NaN when no car was sent. */
    public double carAtSceneMinutes = Double.NaN;
    public double leaveSceneMinutes = Double.NaN;
    public double doorMinutes = Double.NaN;
    public double transferDepartMinutes = Double.NaN;
    public double transferArrivalMinutes = Double.NaN;

    // ---- where ----
    /** Station of the ambulance sent, or -1. */
    public int station = -1;
    /** First hospital site, or -1 when not conveyed. */
    public int firstSite = -1;
    /** Site after a secondary transfer, or -1. */
    public int transferSite = -1;
    /** The first site is not the one the protocol picks first (a full unit was skipped). */
    public boolean diverted;
    /** When diverted, the site the protocol picked first (whose unit was full); else -1. */
    public int intendedSite = -1;
    public CareLevel careLevel;
    public boolean specialistOnSiteAtArrival;
    public double probabilityOfDeath = Double.NaN;

    /** The pathway's own part of the record, or null when the pathway keeps none. */
    public PathwayState state;
}
