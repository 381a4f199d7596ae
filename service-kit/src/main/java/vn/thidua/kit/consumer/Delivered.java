package vn.thidua.kit.consumer;

import vn.thidua.contract.envelope.PublishedEvent;

/** An event as it came off a topic: where it sits in the log, and what it is. */
public record Delivered(String topic, int partition, long offset, PublishedEvent event) {
}
