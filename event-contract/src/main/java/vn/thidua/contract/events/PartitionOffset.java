package vn.thidua.contract.events;

/** A position in a topic: every record of {@code partition} before {@code offset} is included. */
public record PartitionOffset(String topic, int partition, long offset) {
}
