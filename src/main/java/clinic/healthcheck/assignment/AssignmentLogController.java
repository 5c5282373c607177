package clinic.healthcheck.assignment;

import clinic.healthcheck.system.InvalidFieldException;
import clinic.healthcheck.system.Page;
import clinic.healthcheck.system.Paging;
import java.time.Instant;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit of assignment attempts, for managers and admins. */
@RestController
@RequestMapping("/api/assignment-logs")
class AssignmentLogController {

    private static final Set<String> RESULTS =
            Set.of(
                    AssignmentLogEntry.SUCCESS,
                    AssignmentLogEntry.NO_AVAILABLE,
                    AssignmentLogEntry.ERROR,
                    AssignmentLogEntry.REASSIGNED);

    private final AssignmentLogRepository log;

    AssignmentLogController(AssignmentLogRepository log) {
        this.log = log;
    }

    @GetMapping
    Page<AssignmentLogEntry> find(
            @RequestParam(required = false) String result,
            @RequestParam(required = false) Long checkId,
            @RequestParam(required = false) String consultant,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        if (result != null && !RESULTS.contains(result)) {
            throw new InvalidFieldException(
                    "result", "must be one of success, no_available, error, reassigned");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        return log.find(
                new AssignmentLogRepository.Filter(result, checkId, consultant, from, to),
                page,
                size);
    }
}
