package io.yakraft.cluster;

/** A message in flight, positioned by its send and delivery times. */
public record MessageView(long id, int from, int to, String kind, String description, long sentAt, long deliverAt) {
}
