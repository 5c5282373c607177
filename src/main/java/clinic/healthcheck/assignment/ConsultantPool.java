package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The consultants of one assignment run, kept ranked per specialization and check type, so that
 * finding the best one with room costs a look at a few set heads, not a pass over everyone.
 */
final class ConsultantPool {

    private final Map<Long, Candidate> byId = new HashMap<>();

    /** Available consultants with room, best first, by specialization and preferred type. */
    private final Map<String, Map<CheckType, NavigableSet<Candidate>>> withRoom = new HashMap<>();

    /** Head counts that explain a wait: everyone, those who take the type, those available. */
    private final Map<String, Integer> bySpecialization = new HashMap<>();

    private final Map<String, Map<CheckType, Integer>> preferring = new HashMap<>();
    private final Map<String, Map<CheckType, Integer>> availablePreferring = new HashMap<>();

    ConsultantPool(List<Consultant> consultants) {
        for (Consultant consultant : consultants) {
            String specialization = consultant.specializationKey();
            bySpecialization.merge(specialization, 1, Integer::sum);

            for (CheckType type : CheckType.values()) {
                if (!consultant.prefers(type)) {
                    continue;
                }
                count(preferring, specialization, type);

                if (consultant.status() == ConsultantStatus.AVAILABLE) {
                    count(availablePreferring, specialization, type);
                }
            }

            if (consultant.status() == ConsultantStatus.AVAILABLE) {
                var candidate = new Candidate(consultant);
                byId.put(consultant.id(), candidate);
                if (candidate.freeSlots() > 0) {
                    rank(candidate);
                }
            }
        }
    }

    /** The best available consultant with room for the check; the continuity pick wins. */
    Optional<Choice> choose(List<String> specializations, CheckType type, Long sawPatientLast) {
        Candidate continuity = sawPatientLast == null ? null : byId.get(sawPatientLast);
        if (continuity != null && fits(continuity, specializations, type)) {
            return Optional.of(
                    new Choice(
                            continuity,
                            rankOf(continuity, specializations, type),
                            fittingWithRoom(specializations, type),
                            true));
        }

        Candidate best = null;
        for (String specialization : specializations) {
            var ranked = ranked(specialization, type);
            if (ranked != null && !ranked.isEmpty()) {
                Candidate head = ranked.first();
                if (best == null || Candidate.BEST_FIRST.compare(head, best) < 0) {
                    best = head;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Choice(best, 1, fittingWithRoom(specializations, type), false));
    }

    boolean hasRoom(long consultantId) {
        Candidate candidate = byId.get(consultantId);
        return candidate != null && candidate.freeSlots() > 0;
    }

    /** The first rule, in the order the audit explains waits, that left nobody for the check. */
    WaitReason whyNobody(List<String> specializations, CheckType type) {
        if (specializations.isEmpty()) {
            return WaitReason.NO_RULE;
        }
        if (sum(specializations, spec -> bySpecialization.getOrDefault(spec, 0)) == 0) {
            return WaitReason.NO_SPECIALIZATION;
        }
        if (sum(specializations, spec -> countOf(preferring, spec, type)) == 0) {
            return WaitReason.NO_PREFERENCE;
        }
        if (sum(specializations, spec -> countOf(availablePreferring, spec, type)) == 0) {
            return WaitReason.ALL_UNAVAILABLE;
        }
        return WaitReason.ALL_FULL;
    }

    void tookSlot(Candidate candidate, Instant now) {
        unrank(candidate);
        candidate.tookSlot(now);
        if (candidate.freeSlots() > 0) {
            rank(candidate);
        }
    }

    /** Undoes {@link #tookSlot}: the check was no longer pending when the run claimed it. */
    void gaveBack(Candidate candidate, Instant lastAssignedBefore) {
        unrank(candidate);
        candidate.gaveBack(lastAssignedBefore);
        if (candidate.freeSlots() > 0) {
            rank(candidate);
        }
    }

    /** The database said no: another node or thread filled the consultant, or they left. */
    void close(long consultantId) {
        Candidate candidate = byId.get(consultantId);
        if (candidate != null) {
            unrank(candidate);
            candidate.close();
        }
    }

    private boolean fits(Candidate candidate, List<String> specializations, CheckType type) {
        Consultant consultant = candidate.consultant();
        return candidate.freeSlots() > 0
                && consultant.prefers(type)
                && specializations.contains(consultant.specializationKey());
    }

    private int rankOf(Candidate candidate, List<String> specializations, CheckType type) {
        int better = 0;
        for (String specialization : specializations) {
            var ranked = ranked(specialization, type);
            if (ranked != null) {
                better += ranked.headSet(candidate, false).size();
            }
        }
        return better + 1;
    }

    private int fittingWithRoom(List<String> specializations, CheckType type) {
        return sum(
                specializations,
                spec -> {
                    var ranked = ranked(spec, type);
                    return ranked == null ? 0 : ranked.size();
                });
    }

    private NavigableSet<Candidate> ranked(String specialization, CheckType type) {
        var byType = withRoom.get(specialization);
        return byType == null ? null : byType.get(type);
    }

    private void rank(Candidate candidate) {
        Consultant consultant = candidate.consultant();
        var byType =
                withRoom.computeIfAbsent(
                        consultant.specializationKey(), spec -> new EnumMap<>(CheckType.class));
        for (CheckType type : CheckType.values()) {
            if (consultant.prefers(type)) {
                byType.computeIfAbsent(type, t -> new TreeSet<>(Candidate.BEST_FIRST))
                        .add(candidate);
            }
        }
    }

    private void unrank(Candidate candidate) {
        var byType = withRoom.get(candidate.consultant().specializationKey());
        if (byType != null) {
            byType.values().forEach(set -> set.remove(candidate));
        }
    }

    private static void count(
            Map<String, Map<CheckType, Integer>> counts, String specialization, CheckType type) {
        counts.computeIfAbsent(specialization, spec -> new EnumMap<>(CheckType.class))
                .merge(type, 1, Integer::sum);
    }

    private static int countOf(
            Map<String, Map<CheckType, Integer>> counts, String specialization, CheckType type) {
        return counts.getOrDefault(specialization, Map.of()).getOrDefault(type, 0);
    }

    private static int sum(
            List<String> specializations, java.util.function.ToIntFunction<String> count) {
        return specializations.stream().mapToInt(count).sum();
    }

    /** Who was chosen, and what the audit says about why. */
    record Choice(Candidate candidate, int rank, int fittingWithRoom, boolean continuity) {}
}
