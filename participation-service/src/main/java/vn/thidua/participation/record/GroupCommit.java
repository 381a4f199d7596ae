package vn.thidua.participation.record;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.axonframework.messaging.MetaData;
import org.jboss.logging.Logger;
import vn.thidua.kit.idempotency.IdempotencyKeys;
import vn.thidua.kit.problem.DomainException;
import vn.thidua.kit.security.ActorInterceptor;

/**
 * Group commit of single records (issue 20): records sent at the same time by several callers share
 * one transaction, one set of statements and one durable commit, and each caller is answered after it,
 * with its own outcome, exactly as if its record had been alone.
 * <p>
 * A request waits in a queue; a writer takes every request waiting (up to
 * {@link GroupCommitSettings#maxRecords}) and, in one transaction: claims their Idempotency-Keys
 * (one statement), checks every rule of {@link ParticipationService#refusals} (each lookup one
 * statement for the group), drops the claims of the refused, appends the accepted events in order
 * (each with its own caller as actor) with their views, stores their answers, and commits. A refused
 * request gets its own problem; the others are not affected by it. Nothing is grouped that the
 * single path would answer differently: a request whose key was used before (a retry: replay, or
 * 409 for another body), a second request with one key in the group, and every request of a group
 * whose transaction failed before its commit (a registration racing another writer's or instance's,
 * a lost connection) are done alone, on the request's thread, by the path of one record
 * ({@link IdempotencyKeys#once}). A failed commit is of unknown outcome: see {@link #commit}.
 * <p>
 * No request waits for a group to fill: a writer takes what is waiting when it is free, so under
 * light load a group is one record, and under load as many as arrived during the last commit.
 */
@ApplicationScoped
public class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /** The idempotency scope of single records: the one {@link ParticipationResource} uses on the path of one record. */
    static final String SCOPE = "participations";

    private final ParticipationService participations;
    private final IdempotencyKeys idempotency;
    private final TransactionManager transactions;
    private final GroupCommitSettings settings;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary groupSizes = DistributionSummary.builder("thidua.participation.group.records")
            .description("records committed together in one transaction by the group commit of single records (transactions that recorded any)")
            .register(Metrics.globalRegistry);
    private final ReentrantReadWriteLock held = new ReentrantReadWriteLock();
    private volatile boolean running;

    public GroupCommit(ParticipationService participations, IdempotencyKeys idempotency, TransactionManager transactions,
                       GroupCommitSettings settings) {
        this.participations = participations;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** A request waiting for its group: what the writer needs of it, captured on the request's thread. */
    private record Pending(ParticipationRequest request, String key, String requestHash, String recordsUri, MetaData caller,
                           CompletableFuture<Outcome> outcome) {
    }

    /** What became of a request in its group. */
    private sealed interface Outcome {
    }

    /** Recorded: the answer's JSON text (as stored for its key) and where the record is. */
    private record Recorded(String body, String location) implements Outcome {
    }

    /** Refused by a rule: nothing recorded, its key not kept. */
    private record Refused(DomainException problem) implements Outcome {
    }

    /** To be done alone, by the path of one record. */
    private record Alone() implements Outcome {
    }

    private static final Alone ALONE = new Alone();

    void start(@Observes StartupEvent started) {
        if (settings.maxRecords() < 1) {
            throw new IllegalStateException("thidua.participation.group-commit.max-records must be 1 or more, not " + settings.maxRecords());
        }
        running = true;
        for (int i = 0; i < settings.writers(); i++) {
            Thread writer = new Thread(this::write, "participation-group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
        LOG.infof("group commit of single records: %d writers, up to %d records per transaction", settings.writers(), settings.maxRecords());
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        writers.forEach(Thread::interrupt);
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.outcome().complete(ALONE));
    }

    /**
     * Records {@code request} for the signed-in caller, in a group with the requests waiting beside it,
     * and answers 201 with its view (the Location under {@code recordsUri}); a refusal is thrown as its
     * problem. {@code alone} is the path of one record, taken when the group cannot answer for it (see
     * the class) or when group commit is off.
     */
    public Response record(ParticipationRequest request, String key, String recordsUri, Supplier<Response> alone) {
        if (!running || settings.writers() <= 0) {
            return alone.get();
        }
        boolean keyed = IdempotencyKeys.given(key);
        if (keyed) {
            IdempotencyKeys.requireValid(key);
        }
        Pending pending = new Pending(request, keyed ? key : null, keyed ? idempotency.requestHash(request) : null, recordsUri,
                ActorInterceptor.eventMetaData(), new CompletableFuture<>());
        waiting.add(pending);
        if (!running && waiting.remove(pending)) {
            return alone.get(); // stopped meanwhile: no writer will take it
        }
        Outcome outcome = await(pending);
        if (outcome instanceof Recorded r) {
            return Response.created(URI.create(r.location())).entity(r.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (outcome instanceof Refused r) {
            throw r.problem();
        }
        return alone.get();
    }

    /**
     * The outcome of a request waiting for its group. Interrupted while no writer has taken it, it
     * leaves (nothing recorded); once taken, its group's answer is waited for, whatever happens: a
     * request answered 500 while its record commits would be sent again.
     */
    private Outcome await(Pending pending) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.outcome().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (waiting.remove(pending)) {
                        throw new IllegalStateException("interrupted before the record's group was taken: nothing was recorded", e);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("the record's group failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Holds the writers (each with at most the one request it took) until the answer is closed, so that
     * the requests sent meanwhile gather into one group: for tests of what a group does (the writers'
     * side of the lock is an uncontended read lock).
     */
    AutoCloseable hold() {
        held.writeLock().lock();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                held.writeLock().unlock();
            }
        };
    }

    /** How many requests wait for a writer. */
    int waiting() {
        return waiting.size();
    }

    /** How many writers have taken a request and wait for {@link #hold} to end. */
    int writersHeld() {
        return held.getQueueLength();
    }

    /** The location of a record under the collection's absolute URI (a UUID, appended as it is). */
    static String location(String recordsUri, String recordId) {
        return recordsUri + (recordsUri.endsWith("/") ? "" : "/") + recordId;
    }

    /** A writer: takes every request waiting, up to the limit, and commits them together, until the service stops. */
    private void write() {
        List<Pending> group = new ArrayList<>(settings.maxRecords());
        while (running) {
            try {
                group.add(waiting.take());
            } catch (InterruptedException e) {
                continue; // stops only when the service does (running false)
            }
            held.readLock().lock();
            try {
                waiting.drainTo(group, settings.maxRecords() - 1);
                commit(group);
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "group commit of %d records failed unexpectedly: each is done alone", group.size());
            } finally {
                held.readLock().unlock();
                group.forEach(p -> p.outcome().complete(ALONE)); // no-op for those already answered
                group.clear();
            }
        }
    }

    /**
     * One group's transaction; answers each request once it has committed, or sends them all alone if
     * it did not. A failed commit is taken as of unknown outcome, a {@code RollbackException} too (the
     * datasource reports a connection lost during COMMIT as a rollback): a request with a key is done
     * alone (its key tells whether it committed), one without fails rather than risk a second record.
     */
    private void commit(List<Pending> group) {
        Outcome[] outcomes;
        try {
            transactions.begin();
        } catch (Exception e) {
            LOG.warnf("group of %d records: no transaction (%s); each is done alone", group.size(), e.getMessage());
            rollback();
            return;
        }
        try {
            outcomes = decide(group);
        } catch (RuntimeException e) {
            rollback();
            LOG.infof("group of %d records rolled back (%s); each is done alone", group.size(), e.getMessage());
            return;
        } catch (Error e) {
            rollback();
            throw e;
        }
        try {
            if (transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                rollback();
                LOG.infof("group of %d records was marked for rollback; each is done alone", group.size());
                return;
            }
            transactions.commit();
        } catch (Exception e) {
            LOG.errorf(e, "group of %d records: the commit failed, whether it committed is not known", group.size());
            for (int i = 0; i < group.size(); i++) {
                Pending p = group.get(i);
                if (outcomes[i] instanceof Refused) {
                    p.outcome().complete(outcomes[i]); // nothing of it was to be written
                } else if (outcomes[i] instanceof Recorded && p.key() == null) {
                    p.outcome().completeExceptionally(new IllegalStateException("the record's commit failed and its outcome is not known: "
                            + e.getMessage() + "; look for it before sending it again, or send it with an Idempotency-Key", e));
                }
            }
            rollback(); // ends the thread's association if the failed commit left one
            return;
        }
        // counted before anyone is answered: a caller that has its answer finds its group in the metric
        long recorded = Arrays.stream(outcomes).filter(Recorded.class::isInstance).count();
        if (recorded > 0) {
            groupSizes.record(recorded);
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).outcome().complete(outcomes[i]);
        }
    }

    /** Everything the group's transaction does; each request's outcome, in the group's order. */
    private Outcome[] decide(List<Pending> group) {
        participations.useGenericPlans();
        Outcome[] outcomes = new Outcome[group.size()];
        Map<String, String> keys = new TreeMap<>(); // claimed in the order of the keys: two groups never wait for each other's in turn
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            if (p.key() != null && keys.putIfAbsent(p.key(), p.requestHash()) != null) {
                outcomes[i] = ALONE; // after the first with its key: it then replays or refuses as a retry does
            }
        }
        Set<String> claimed = idempotency.claimAll(SCOPE, keys);
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            if (outcomes[i] == null && p.key() != null && !claimed.contains(p.key())) {
                outcomes[i] = ALONE; // used before: a retry
            } else if (outcomes[i] == null) {
                asked.add(i);
            }
        }
        List<DomainException> refusals = participations.refusals(asked.stream().map(i -> group.get(i).request()).toList());
        List<Integer> accepted = new ArrayList<>();
        List<String> released = new ArrayList<>();
        for (int j = 0; j < asked.size(); j++) {
            int i = asked.get(j);
            if (refusals.get(j) == null) {
                accepted.add(i);
            } else {
                outcomes[i] = new Refused(refusals.get(j));
                if (group.get(i).key() != null) {
                    released.add(group.get(i).key());
                }
            }
        }
        idempotency.releaseAll(SCOPE, released);
        if (accepted.isEmpty()) {
            return outcomes;
        }
        List<ParticipationView> views = participations.recordAccepted(accepted.stream().map(i -> group.get(i).request()).toList(),
                accepted.stream().map(i -> group.get(i).caller()).toList());
        List<IdempotencyKeys.Answer> answers = new ArrayList<>();
        for (int j = 0; j < accepted.size(); j++) {
            int i = accepted.get(j);
            Pending p = group.get(i);
            ParticipationView view = views.get(j);
            Recorded recorded = new Recorded(idempotency.json(view), location(p.recordsUri(), view.recordId));
            outcomes[i] = recorded;
            if (p.key() != null) {
                answers.add(new IdempotencyKeys.Answer(p.key(), Response.Status.CREATED.getStatusCode(), recorded.body(), recorded.location()));
            }
        }
        idempotency.storeAll(SCOPE, answers);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("group of %d records: %d recorded, %d refused, %d done alone", group.size(), accepted.size(), asked.size() - accepted.size(),
                    group.size() - asked.size());
        }
        return outcomes;
    }

    /** Rolls back the writer's transaction, if it has one still. */
    private void rollback() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (Exception e) {
            LOG.warnf("rollback of a group failed: %s", e.getMessage());
        }
    }
}
