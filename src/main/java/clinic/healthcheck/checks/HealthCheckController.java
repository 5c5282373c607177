package clinic.healthcheck.checks;

import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.people.Caller;
import clinic.healthcheck.people.Directory;
import clinic.healthcheck.people.Role;
import clinic.healthcheck.system.InvalidFieldException;
import clinic.healthcheck.system.Page;
import clinic.healthcheck.system.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patients and staff request checks; consultants move them through their lifecycle. */
@RestController
@RequestMapping("/api/health-checks")
class HealthCheckController {

    private final HealthCheckService service;
    private final Directory directory;

    HealthCheckController(HealthCheckService service, Directory directory) {
        this.service = service;
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<HealthCheckView> request(
            @Valid @RequestBody NewRequestBody body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String patient = patientOf(body, caller);

        CheckType type = CheckType.fromCode(body.checkType());
        if (type == null) {
            throw new InvalidFieldException(
                    "checkType", "must be one of initial, follow_up, nutrition, medical, wellness");
        }
        Priority priority = Priority.fromCode(body.priority());
        if (priority == null) {
            throw new InvalidFieldException("priority", "must be one of urgent, high, normal, low");
        }
        String email =
                body.patientEmail() != null
                        ? body.patientEmail()
                        : directory.emailOf(patient).orElse(null);

        HealthCheck check =
                service.request(
                        new NewHealthCheck(
                                patient,
                                email,
                                type,
                                priority,
                                body.requestedDate(),
                                body.description(),
                                body.medicalHistory(),
                                Boolean.TRUE.equals(body.mailOptOut())));
        return ResponseEntity.created(URI.create("/api/health-checks/" + check.id()))
                .body(HealthCheckView.of(check));
    }

    /** Patients ask for themselves; staff, managers and admins name the patient. */
    private static String patientOf(NewRequestBody body, Caller caller) {
        boolean staff = caller.is(Role.CONSULTANT) || caller.oversees();
        if (!staff) {
            if (body.patient() != null && !body.patient().equals(caller.username())) {
                throw new InvalidFieldException(
                        "patient", "patients request checks for themselves");
            }
            return caller.username();
        }
        if (body.patient() == null || body.patient().isBlank()) {
            throw new InvalidFieldException("patient", "is required when staff make a request");
        }
        return body.patient().trim();
    }

    @GetMapping
    Page<HealthCheckView> own(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        Paging.check(page, size);
        return service.requestedBy(Caller.from(authentication), page, size)
                .map(HealthCheckView::of);
    }

    @GetMapping("/assigned")
    Page<HealthCheckView> assigned(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        Paging.check(page, size);
        return service.assignedTo(Caller.from(authentication), page, size).map(HealthCheckView::of);
    }

    @GetMapping("/all")
    Page<HealthCheckView> all(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        CheckStatus wanted = null;
        if (status != null) {
            try {
                wanted = CheckStatus.fromCode(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(
                        "status",
                        "must be one of pending, assigned, in_progress, completed, cancelled");
            }
        }
        return service.all(wanted, page, size).map(HealthCheckView::of);
    }

    @GetMapping("/{id}")
    HealthCheckView one(@PathVariable long id, Authentication authentication) {
        return HealthCheckView.of(service.find(id, Caller.from(authentication)));
    }

    @PostMapping("/{id}/start")
    HealthCheckView start(
            @PathVariable long id,
            @RequestBody(required = false) StartBody body,
            Authentication authentication) {
        Instant scheduledAt = body == null ? null : body.scheduledAt();
        return HealthCheckView.of(service.start(id, scheduledAt, Caller.from(authentication)));
    }

    @PostMapping("/{id}/complete")
    HealthCheckView complete(
            @PathVariable long id, @RequestBody CompleteBody body, Authentication authentication) {
        return HealthCheckView.of(
                service.complete(
                        id,
                        body.notes(),
                        body.recommendations(),
                        Boolean.TRUE.equals(body.followUpNeeded()),
                        Caller.from(authentication)));
    }

    @PostMapping("/{id}/cancel")
    HealthCheckView cancel(
            @PathVariable long id,
            @Valid @RequestBody(required = false) CancelBody body,
            Authentication authentication) {
        String reason = body == null ? null : body.reason();
        return HealthCheckView.of(service.cancel(id, reason, Caller.from(authentication)));
    }

    record NewRequestBody(
            @NotBlank @Size(max = 16) String checkType,
            @NotBlank @Size(max = 8) String priority,
            @Size(max = 2000) String description,
            @Size(max = 4000) String medicalHistory,
            LocalDate requestedDate,
            @Size(max = 64) String patient,
            @Email @Size(max = 254) String patientEmail,
            Boolean mailOptOut) {}

    record StartBody(Instant scheduledAt) {}

    /** Checked by {@link ConsultationRecord}, the same rules as the Tasklist form's. */
    record CompleteBody(String notes, String recommendations, Boolean followUpNeeded) {}

    record CancelBody(@Size(max = 200) String reason) {}
}
