package io.yakraft.sim;

/** A message in flight: who sent it to whom, when it left and when it will arrive. */
public record Envelope(long id, int from, int to, Object payload, long sentAt, long deliverAt, boolean duplicate) {
}
