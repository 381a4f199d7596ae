package vn.thidua.evaluation.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.events.PartitionOffset;

/**
 * A cut of the log: for each topic partition, the offset before which facts are in. A partition it
 * does not name is not in at all. {@link #ALL} takes every fact the read model has.
 */
public final class Watermark {
    public static final Watermark ALL = new Watermark(null);

    private final Map<String, Long> next;

    private Watermark(Map<String, Long> next) {
        this.next = next;
    }

    public static Watermark of(List<PartitionOffset> offsets) {
        Map<String, Long> next = new HashMap<>();
        for (PartitionOffset o : offsets) {
            next.put(o.topic() + "|" + o.partition(), o.offset());
        }
        return new Watermark(next);
    }

    /** Whether the fact at {@code topic}-{@code partition}@{@code offset} is inside the cut. */
    public boolean contains(String topic, int partition, long offset) {
        if (next == null) {
            return true;
        }
        Long limit = next.get(topic + "|" + partition);
        return limit != null && offset < limit;
    }
}
