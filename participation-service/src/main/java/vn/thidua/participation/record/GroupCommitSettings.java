package vn.thidua.participation.record;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How concurrent single records share transactions ({@link GroupCommit}). */
@ConfigMapping(prefix = "thidua.participation.group-commit")
public interface GroupCommitSettings {

    /**
     * Threads that each take the records waiting and commit them together; 0 turns group commit off
     * (every record in a transaction of its own, on its request's thread). Two let one group gather
     * while the other waits for its commit to reach the disk.
     */
    @WithDefault("2")
    int writers();

    /** The most records one transaction takes; the rest wait for the next. */
    @WithDefault("100")
    int maxRecords();
}
