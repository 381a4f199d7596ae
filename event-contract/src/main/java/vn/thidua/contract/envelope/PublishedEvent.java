package vn.thidua.contract.envelope;

import vn.thidua.contract.events.ThiduaEvent;

/**
 * An event as read from a topic: its envelope, its data exactly as received, and the data decoded.
 * The raw bytes are kept because the hash chain is checked over what was received.
 */
public record PublishedEvent(EventAttributes attributes, byte[] data, ThiduaEvent event) {
}
