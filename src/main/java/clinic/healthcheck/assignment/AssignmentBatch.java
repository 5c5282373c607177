package clinic.healthcheck.assignment;

import clinic.healthcheck.assignment.ConsultantPool.Choice;
import clinic.healthcheck.assignment.SlotReservation.Claim;
import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.consultants.Consultant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The decisions of one assignment run that commit together: checks taken from the head of the
 * queue, each given to the best consultant with room or left waiting, then written in the caller's
 * transaction. What the batch did counts only once that transaction has committed.
 */
final class AssignmentBatch {

    enum Kind {
        ASSIGNED,
        /** Another node or thread assigned or cancelled the check first. */
        TAKEN_ELSEWHERE,
        WAITING
    }

    /** What became of one check; {@code freeSlotsLeft} is the consultant's, after this check. */
    record Outcome(
            PendingCheck check,
            Kind kind,
            Consultant consultant,
            int freeSlotsLeft,
            WaitReason reason) {}

    /**
     * Ids in one IN list: H2 tests each row against the list one value after the other, so a long
     * list costs it the square of its length.
     */
    private static final int IDS_PER_STATEMENT = 100;

    /** A slot the pool gave a check, and what to restore should the database say no. */
    private record Decision(Claim claim, Candidate candidate, Instant lastAssignedBefore) {}

    private final AssignmentRun.Context context;
    private final ConsultantPool pool;
    private final FollowUps followUps;
    private final Instant now;
    private final List<PendingCheck> served = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    AssignmentBatch(
            AssignmentRun.Context context, ConsultantPool pool, FollowUps followUps, Instant now) {
        this.context = context;
        this.pool = pool;
        this.followUps = followUps;
        this.now = now;
    }

    /**
     * Serves checks from the head of the queue until {@code maxChecks} are served, the batch holds
     * as many assignments as one transaction takes or {@code enough} says so, then writes them.
     * Checks whose consultant turned out to be full go back to the head of the queue, to be offered
     * again.
     */
    void serve(Deque<PendingCheck> queue, int maxChecks, BooleanSupplier enough) {
        while (!queue.isEmpty()
                && served.size() < maxChecks
                && decisions.size() < context.assignmentsPerTransaction()
                && !enough.getAsBoolean()) {
            PendingCheck check = queue.poll();
            served.add(check);
            decide(check);
        }
        if (context.dryRun()) {
            return;
        }

        // waits first: like every command, the batch locks checks' rows before consultants'
        recordWaits();
        List<Claim> refused = decisions.isEmpty() ? List.of() : reserve();
        for (int i = refused.size() - 1; i >= 0; i--) {
            queue.addFirst(refused.get(i).check());
            pool.close(refused.get(i).consultant().id());
        }
    }

    /** In queue order; complete once {@link #serve} returned. */
    List<Outcome> outcomes() {
        return outcomes;
    }

    /** Every check this batch took from the queue, whatever became of it. */
    List<PendingCheck> served() {
        return served;
    }

    /** The consultant the last decision gave a check to, for the log of a failure. */
    Optional<Consultant> attempted() {
        return decisions.isEmpty()
                ? Optional.empty()
                : Optional.of(decisions.get(decisions.size() - 1).claim().consultant());
    }

    private void decide(PendingCheck check) {
        List<String> specializations =
                context.rules().eligibleSpecializations(check.checkType(), check.priority());
        Optional<Choice> choice = pool.choose(specializations, check.checkType(), null);
        if (choice.isPresent() && check.checkType() == CheckType.FOLLOW_UP) {
            // looked up only when someone could take it: the continuity pick needs room, too
            Long sawPatientLast = followUps.lastConsultantOf(check.patientUsername());
            if (sawPatientLast != null) {
                choice = pool.choose(specializations, check.checkType(), sawPatientLast);
            }
        }
        if (choice.isEmpty()) {
            WaitReason reason = pool.whyNobody(specializations, check.checkType());
            outcomes.add(new Outcome(check, Kind.WAITING, null, 0, reason));
            return;
        }

        Candidate candidate = choice.get().candidate();
        Consultant consultant = candidate.consultant();
        var decision =
                new Decision(
                        new Claim(check, consultant, explain(choice.get())),
                        candidate,
                        candidate.lastAssignedAt());
        pool.tookSlot(candidate, now);
        followUps.assigned(check.patientUsername(), consultant.id());
        decisions.add(decision);
        outcomes.add(new Outcome(check, Kind.ASSIGNED, consultant, candidate.freeSlots(), null));
    }

    /**
     * Claims the decided checks, then their slots. A check that was no longer pending gives its
     * slot back to the pool; a claim whose consultant had no room left is returned.
     */
    private List<Claim> reserve() {
        List<Claim> claims = decisions.stream().map(Decision::claim).toList();
        boolean[] claimed = context.reservation().claim(claims, now);
        List<Claim> held = new ArrayList<>();
        Set<Long> notHeld = new HashSet<>();
        for (int i = 0; i < claimed.length; i++) {
            Decision decision = decisions.get(i);
            if (claimed[i]) {
                held.add(decision.claim());
            } else {
                pool.gaveBack(decision.candidate(), decision.lastAssignedBefore());
                followUps.forget(decision.claim().check().patientUsername());
                notHeld.add(decision.claim().check().id());
            }
        }

        List<Claim> refused =
                held.isEmpty()
                        ? List.of()
                        : context.reservation().complete(held, context.trigger(), now);
        Set<Long> refusedIds = new HashSet<>();
        for (Claim claim : refused) {
            refusedIds.add(claim.check().id());
            followUps.forget(claim.check().patientUsername());
        }
        outcomes.removeIf(outcome -> refusedIds.contains(outcome.check().id()));
        outcomes.replaceAll(
                outcome ->
                        notHeld.contains(outcome.check().id())
                                ? new Outcome(outcome.check(), Kind.TAKEN_ELSEWHERE, null, 0, null)
                                : outcome);
        return refused;
    }

    /** Audits each wait once, and again only when its reason changes. */
    private void recordWaits() {
        Map<WaitReason, List<Long>> changed = new EnumMap<>(WaitReason.class);
        for (Outcome outcome : outcomes) {
            if (outcome.kind() == Kind.WAITING
                    && !outcome.reason().code().equals(outcome.check().waitReason())) {
                changed.computeIfAbsent(outcome.reason(), reason -> new ArrayList<>())
                        .add(outcome.check().id());
            }
        }
        changed.forEach(
                (reason, ids) -> {
                    for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                        recordWait(
                                reason,
                                ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)));
                    }
                });
    }

    /**
     * Audits the checks that still wait for another reason than this one: a run that decided before
     * another one recorded the same wait finds it recorded and stays silent.
     */
    private void recordWait(WaitReason reason, List<Long> ids) {
        List<Long> changed = context.checks().lockWaitsToRecord(reason.code(), ids);
        if (!changed.isEmpty()) {
            context.auditLog().waits(reason, changed, context.trigger(), now);
            context.checks().recordWaitReason(reason.code(), changed);
        }
    }

    private static String explain(Choice choice) {
        Candidate candidate = choice.candidate();
        Consultant consultant = candidate.consultant();
        String rating =
                consultant.averageRating() == null
                        ? "no rating yet"
                        : "rating " + consultant.averageRating();
        return String.format(
                "rank %d of %d fitting consultants with room; %s; load %d of %d before this"
                        + " check%s",
                choice.rank(),
                choice.fittingWithRoom(),
                rating,
                candidate.load(),
                consultant.maxConcurrentChecks(),
                choice.continuity() ? "; saw this patient last" : "");
    }
}
