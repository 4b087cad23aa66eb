/** Streamed statistics of one replication: fixed-width histograms and time-weighted levels by hour of week. */
package org.acuteflow.model.stats;
