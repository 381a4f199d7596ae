package vn.thidua.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.contract.events.PartitionOffset;
import vn.thidua.contract.events.Topic;

/**
 * What counts at a watermark: the one definition of the cut of the log a year is scored over. For
 * each topic partition, the offset before which facts are in; a partition it does not name is not in
 * at all. A closed year is cut at its {@code AppraisalClosed.watermark}; {@link #ALL} (an open year)
 * takes every fact. evaluation-service and the audit tool both cut with this class.
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
            next.put(key(o.topic(), o.partition()), o.offset());
        }
        return new Watermark(next);
    }

    /** Whether the fact at {@code topic}-{@code partition}@{@code offset} is inside the cut. */
    public boolean contains(Topic topic, int partition, long offset) {
        if (next == null) {
            return true;
        }
        Long limit = next.get(key(topic.address(), partition));
        return limit != null && offset < limit;
    }

    private static String key(String topic, int partition) {
        return topic + "|" + partition;
    }
}
