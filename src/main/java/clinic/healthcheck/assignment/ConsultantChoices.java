package clinic.healthcheck.assignment;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheck;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.PendingCheck;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The consultants a manager may give a check to: available, of a specialization the eligibility
 * table allows for it. First come those the automatic path would choose from, in its order (the one
 * who saw the patient last first for a follow-up, then {@link Candidate#BEST_FIRST}); then those of
 * a fitting specialization who do not usually take the type; then, for an override, those without a
 * free slot.
 */
@Component
public class ConsultantChoices {

    private static final int QUEUE_PAGE = 200;

    private final MatchingRules rules;
    private final ConsultantRepository consultants;
    private final HealthCheckRepository checks;

    ConsultantChoices(
            MatchingRules rules, ConsultantRepository consultants, HealthCheckRepository checks) {
        this.rules = rules;
        this.consultants = consultants;
        this.checks = checks;
    }

    public List<ConsultantChoice> forCheck(HealthCheck check) {
        List<String> specializations =
                rules.snapshot().eligibleSpecializations(check.checkType(), check.priority());
        Long sawPatientLast =
                check.checkType() == CheckType.FOLLOW_UP
                        ? checks.lastConsultantOf(check.patientUsername()).orElse(null)
                        : null;

        Comparator<Candidate> order =
                Comparator.comparing((Candidate c) -> c.freeSlots() == 0)
                        .thenComparing(c -> !c.consultant().prefers(check.checkType()))
                        .thenComparing(c -> !Objects.equals(c.id(), sawPatientLast))
                        .thenComparing(Candidate.BEST_FIRST);
        List<Candidate> fitting =
                consultants.findAll().stream()
                        .filter(c -> c.status() == ConsultantStatus.AVAILABLE)
                        .filter(c -> specializations.contains(c.specializationKey()))
                        .map(Candidate::new)
                        .sorted(order)
                        .toList();

        List<ConsultantChoice> choices = new ArrayList<>();
        for (Candidate candidate : fitting) {
            Consultant consultant = candidate.consultant();
            choices.add(
                    new ConsultantChoice(
                            choices.size() + 1,
                            consultant.username(),
                            consultant.specialization(),
                            consultant.averageRating(),
                            consultant.currentAssignments(),
                            consultant.maxConcurrentChecks(),
                            consultant.prefers(check.checkType()),
                            Objects.equals(consultant.id(), sawPatientLast)));
        }
        return choices;
    }

    /** Whether the eligibility table lets the consultant's specialization take the check. */
    public boolean allows(HealthCheck check, Consultant consultant) {
        return rules.snapshot()
                .eligibleSpecializations(check.checkType(), check.priority())
                .contains(consultant.specializationKey());
    }

    /**
     * The pending checks, in queue order, that the table lets the consultant take: what they may
     * take for themselves. Shows no patient data: they see a check in full once it is theirs.
     */
    public List<PendingCheck> claimableBy(Consultant consultant, int limit) {
        MatchingRules.Snapshot snapshot = rules.snapshot();
        Set<CheckType> types = EnumSet.noneOf(CheckType.class);
        for (CheckType type : CheckType.values()) {
            for (Priority priority : Priority.values()) {
                if (fits(snapshot, type, priority, consultant)) {
                    types.add(type);
                }
            }
        }

        List<PendingCheck> found = new ArrayList<>();
        PendingCheck after = null;
        while (!types.isEmpty() && found.size() < limit) {
            List<PendingCheck> page = checks.pendingAfter(after, types, QUEUE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            page.stream()
                    .filter(p -> fits(snapshot, p.checkType(), p.priority(), consultant))
                    .limit(limit - found.size())
                    .forEach(found::add);
            after = page.get(page.size() - 1);
        }
        return found;
    }

    private static boolean fits(
            MatchingRules.Snapshot snapshot,
            CheckType type,
            Priority priority,
            Consultant consultant) {
        return snapshot.eligibleSpecializations(type, priority)
                .contains(consultant.specializationKey());
    }
}
