/**
 * Replications on a Hazelcast cluster. {@code acuteflow worker} starts a member ({@link Worker}); {@code run
 * --cluster} connects to the members as a client ({@link ClusterExecutor}) and hands each replication to one of
 * them. Input files travel by content: the submitter puts the bytes of the experiment file, its parameter files
 * and its network folder in a distributed map keyed by SHA-256 ({@link InputBundle}); a member writes them once
 * into its own cache folder and prepares each scenario once ({@link MemberService}). A replication is a pure
 * function of (scenario, index, seed), so results are the same bytes as a local run whichever member ran what;
 * a member that leaves (or is killed) has its unfinished replications run again elsewhere.
 *
 * <p>Nothing here is used unless {@code --cluster} or {@code worker} is given: a plain run opens no port and
 * starts no Hazelcast instance.
 */
package org.acuteflow.cluster;
