/**
 * The pathway interface: what a clinical pathway plugs into the stage engine ({@link org.acuteflow.pathway.Pathway}:
 * demand classes and case mix, destination rule, in-hospital stages, outcome input, declared metrics), what the
 * engine offers it ({@link org.acuteflow.pathway.Journey}, {@link org.acuteflow.pathway.Hospitals}), and the
 * destination rules pathways are built from: {@link org.acuteflow.pathway.DestinationPolicy} and its named
 * implementations ({@link org.acuteflow.pathway.DestinationRules}) choose among
 * {@link org.acuteflow.pathway.Routing}'s candidate lists, nearest first, within provider networks when routing is
 * restricted. One subpackage per pathway.
 */
package org.acuteflow.pathway;
