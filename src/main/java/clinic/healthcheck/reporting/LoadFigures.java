package clinic.healthcheck.reporting;

import clinic.healthcheck.reporting.AnalyticsRepository.ConsultantActivity;
import clinic.healthcheck.reporting.Figures.ConsultantLoad;
import clinic.healthcheck.reporting.Figures.GroupLoad;
import clinic.healthcheck.reporting.Figures.Utilization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns each consultant's activity into utilization, per consultant and summed per specialization
 * (compared without regard to case, shown in its first spelling in alphabetical order, capitals
 * first) and per role. Groups are summed from seconds and slots, never from the rounded figures of
 * their members. Nothing divides by a maximum of 0 or by a period that has not begun: such a
 * utilization is null.
 */
final class LoadFigures {

    /** The role of a consultant who has no login in the identity service. */
    static final String NO_LOGIN = "no login";

    private LoadFigures() {}

    /**
     * @param roles each consultant's consultant groups in the identity service, by username
     * @param elapsedSeconds how much of the period has passed
     */
    static Utilization of(
            List<ConsultantActivity> consultants, Map<String, String> roles, long elapsedSeconds) {
        Function<ConsultantActivity, String> role =
                consultant -> roles.getOrDefault(consultant.username(), NO_LOGIN);
        List<ConsultantLoad> loads =
                consultants.stream()
                        .map(consultant -> load(consultant, role.apply(consultant), elapsedSeconds))
                        .toList();
        var bySpecialization =
                groups(
                        consultants,
                        consultant -> consultant.specialization().trim().toLowerCase(Locale.ROOT),
                        ConsultantActivity::specialization,
                        elapsedSeconds);
        var byRole = groups(consultants, role, role, elapsedSeconds);
        return new Utilization(loads, bySpecialization, byRole);
    }

    private static ConsultantLoad load(
            ConsultantActivity consultant, String role, long elapsedSeconds) {
        return new ConsultantLoad(
                consultant.username(),
                consultant.fullName(),
                consultant.specialization(),
                role,
                consultant.status(),
                consultant.current(),
                consultant.max(),
                freeSlots(consultant),
                Ratios.share(consultant.current(), consultant.max()),
                Ratios.load(consultant.heldSeconds(), elapsedSeconds),
                Ratios.share(consultant.heldSeconds(), (double) consultant.max() * elapsedSeconds),
                consultant.assigned(),
                consultant.completed(),
                consultant.rating());
    }

    private static List<GroupLoad> groups(
            List<ConsultantActivity> consultants,
            Function<ConsultantActivity, String> key,
            Function<ConsultantActivity, String> label,
            long elapsedSeconds) {
        Map<String, List<ConsultantActivity>> members = new TreeMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ConsultantActivity consultant : consultants) {
            members.computeIfAbsent(key.apply(consultant), k -> new ArrayList<>()).add(consultant);
            labels.merge(
                    key.apply(consultant),
                    label.apply(consultant),
                    (one, other) -> one.compareTo(other) <= 0 ? one : other);
        }

        List<GroupLoad> groups = new ArrayList<>();
        members.forEach(
                (group, list) -> {
                    int current = list.stream().mapToInt(ConsultantActivity::current).sum();
                    int max = list.stream().mapToInt(ConsultantActivity::max).sum();
                    int free = list.stream().mapToInt(LoadFigures::freeSlots).sum();
                    long held = list.stream().mapToLong(ConsultantActivity::heldSeconds).sum();
                    groups.add(
                            new GroupLoad(
                                    labels.get(group),
                                    list.size(),
                                    current,
                                    max,
                                    free,
                                    Ratios.share(current, max),
                                    Ratios.load(held, elapsedSeconds),
                                    Ratios.share(held, (double) max * elapsedSeconds)));
                });
        return groups;
    }

    /** Slots an available consultant can still take now; others take none. */
    private static int freeSlots(ConsultantActivity consultant) {
        return "available".equals(consultant.status())
                ? Math.max(0, consultant.max() - consultant.current())
                : 0;
    }
}
