package clinic.healthcheck.consultants;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Consultants say whether they take work and how much; the queue hears of it at once. */
@Service
public class AvailabilityService {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityService.class);

    private final ConsultantRepository consultants;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AvailabilityService(
            ConsultantRepository consultants,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock) {
        this.consultants = consultants;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Changes status and/or maximum (null keeps the current value). The change commits first; then
     * free slots are filled from the queue, each assignment in its own transaction.
     */
    public Consultant update(String username, ConsultantStatus status, Integer maxConcurrent) {
        Consultant updated =
                transaction.execute(
                        tx -> {
                            Consultant current =
                                    consultants
                                            .findByUsername(username)
                                            .orElseThrow(
                                                    () ->
                                                            new ConsultantNotFoundException(
                                                                    username));
                            consultants.lock(current.id());
                            current = consultants.findById(current.id()).orElseThrow();

                            consultants.updateAvailability(
                                    current.id(),
                                    status == null ? current.status() : status,
                                    maxConcurrent == null
                                            ? current.maxConcurrentChecks()
                                            : maxConcurrent,
                                    clock.instant());
                            return consultants.findById(current.id()).orElseThrow();
                        });
        LOG.info(
                "Consultant {} is {} with {} of {} slots in use",
                updated.username(),
                updated.status().code(),
                updated.currentAssignments(),
                updated.maxConcurrentChecks());

        events.publishEvent(new ConsultantAvailabilityChanged(updated.id()));
        return consultants.findById(updated.id()).orElseThrow();
    }

    public Consultant find(String username) {
        return consultants
                .findByUsername(username)
                .orElseThrow(() -> new ConsultantNotFoundException(username));
    }
}
