package vn.thidua.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** How a poll's partitions are grouped into transactions ({@link IdempotentConsumer#transactionsPerPoll}). */
class PollGroupsTest {

    private static PartitionWriter.Part part(int partition, int records) {
        return new PartitionWriter.Part(new TopicPartition("t", partition), Collections.nCopies(records, (Object) "r"), records);
    }

    private static List<Integer> sizes(List<List<PartitionWriter.Part>> groups) {
        return groups.stream().map(g -> g.stream().mapToInt(p -> p.results().size()).sum()).toList();
    }

    @Test
    void partitions_are_spread_over_the_groups_by_their_records_each_partition_whole() {
        List<PartitionWriter.Part> parts = List.of(part(0, 700), part(1, 300), part(2, 400), part(3, 100), part(4, 500));
        List<List<PartitionWriter.Part>> groups = IdempotentConsumer.groups(parts, 2);
        assertThat(groups).hasSize(2);
        assertThat(sizes(groups)).containsExactlyInAnyOrder(1000, 1000);
        assertThat(groups.stream().flatMap(List::stream).map(p -> p.partition().partition()))
                .as("every partition in exactly one group").containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void never_more_groups_than_partitions_nor_empty_ones() {
        assertThat(IdempotentConsumer.groups(List.of(part(0, 10)), 4)).hasSize(1);
        assertThat(sizes(IdempotentConsumer.groups(List.of(part(0, 10), part(1, 5)), 1))).containsExactly(15);
        assertThat(IdempotentConsumer.groups(List.of(part(0, 1), part(1, 1), part(2, 1)), 3)).hasSize(3);
    }
}
