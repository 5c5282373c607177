package clinic.healthcheck.cli;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.checks.HealthCheckRepository;
import clinic.healthcheck.checks.HealthCheckRepository.NewHealthCheck;
import clinic.healthcheck.checks.HealthCheckRepository.RequestKey;
import clinic.healthcheck.checks.HealthCheckService;
import clinic.healthcheck.checks.HealthCheckService.BackloggedRequest;
import clinic.healthcheck.checks.Priority;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantRepository;
import clinic.healthcheck.consultants.ConsultantStatus;
import clinic.healthcheck.consultants.RosterEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a consultant roster and a request list in the formats of the workload generator. Invalid
 * rows are reported by line number and skipped; requests go through the same path as the API and
 * wait as pending for the next sweep.
 */
@Component
class ImportCommand {

    static final List<String> ROSTER_COLUMNS =
            List.of(
                    "username",
                    "email",
                    "full_name",
                    "specialization",
                    "preferred_check_types",
                    "max_concurrent_checks",
                    "current_assignments",
                    "average_rating",
                    "status");
    static final List<String> REQUEST_COLUMNS =
            List.of(
                    "patient_username",
                    "patient_email",
                    "check_type",
                    "priority",
                    "created_at",
                    "description");

    /** One @, no spaces, a dot in the domain: enough to catch a column mix-up or a typo. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Requests per transaction: large enough to be quick, small enough to hold few locks. */
    private static final int BATCH = 500;

    private final ConsultantRepository consultants;
    private final HealthCheckService checks;
    private final HealthCheckRepository checkRows;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportCommand(
            ConsultantRepository consultants,
            HealthCheckService checks,
            HealthCheckRepository checkRows,
            TransactionTemplate transaction,
            Clock clock) {
        this.consultants = consultants;
        this.checks = checks;
        this.checkRows = checkRows;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Returns the exit code: 0 loaded (perhaps with skipped rows), 2 nothing loaded. */
    int run(Path rosterFile, Path requestFile, PrintStream out) {
        long started = System.nanoTime();
        CsvFile roster = null;
        CsvFile requests = null;
        try {
            if (rosterFile != null) {
                roster = CsvFile.read(rosterFile, ROSTER_COLUMNS);
            }
            if (requestFile != null) {
                requests = CsvFile.read(requestFile, REQUEST_COLUMNS);
            }
        } catch (IOException e) {
            out.println("Cannot read " + e.getMessage() + "; nothing was loaded.");
            return 2;
        }

        if (roster != null) {
            loadRoster(roster, rosterFile, out);
        }
        if (requests != null) {
            loadRequests(requests, requestFile, out);
        }
        out.printf("Import took %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void loadRoster(CsvFile file, Path path, PrintStream out) {
        Map<String, Consultant> before = new HashMap<>();
        consultants.findAll().forEach(consultant -> before.put(consultant.username(), consultant));

        Map<String, Integer> firstLine = new HashMap<>();
        List<RosterEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (CsvFile.Row row : file.rows()) {
            try {
                RosterEntry entry = rosterEntry(row);
                Integer earlier = firstLine.putIfAbsent(entry.username(), row.line());
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "username " + entry.username() + " repeats line " + earlier);
                }
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                skip(out, path, row, e);
                skipped++;
            }
        }

        Instant now = clock.instant();
        transaction.executeWithoutResult(
                tx -> entries.forEach(entry -> consultants.upsert(entry, now)));
        out.printf(
                "%s: %d consultants loaded, %d rows skipped%n",
                path.getFileName(), entries.size(), skipped);
        reportChanges(entries, before, out);
    }

    /** What an admin must know after a roster changed people who already hold checks. */
    private void reportChanges(
            List<RosterEntry> entries, Map<String, Consultant> before, PrintStream out) {
        for (RosterEntry entry : entries) {
            Consultant now = consultants.findByUsername(entry.username()).orElseThrow();
            int held = now.currentAssignments() - now.carriedLoad();
            Consultant earlier = before.get(entry.username());

            if (earlier != null
                    && held > 0
                    && !earlier.specializationKey().equals(now.specializationKey())) {
                out.printf(
                        "%s: specialization changed from %s to %s; keeps the %d checks they"
                                + " hold%n",
                        now.username(), earlier.specialization(), now.specialization(), held);
            }
            if (now.currentAssignments() > now.maxConcurrentChecks()) {
                out.printf(
                        "%s: holds %d checks and carries %d from before, over their maximum of"
                                + " %d; no check is assigned to them until they are under it%n",
                        now.username(), held, now.carriedLoad(), now.maxConcurrentChecks());
            }
        }
    }

    private void loadRequests(CsvFile file, Path path, PrintStream out) {
        Instant now = clock.instant();
        Map<RequestKey, Integer> firstLine = new HashMap<>();
        List<BackloggedRequest> requests = new ArrayList<>();
        int skipped = 0;
        for (CsvFile.Row row : file.rows()) {
            try {
                var request = new BackloggedRequest(request(row), requestedAt(row, now));
                Integer earlier = firstLine.putIfAbsent(keyOf(request), row.line());
                if (earlier != null) {
                    throw new IllegalArgumentException("the same request as line " + earlier);
                }
                requests.add(request);
            } catch (IllegalArgumentException e) {
                skip(out, path, row, e);
                skipped++;
            }
        }

        int takenInBefore = 0;
        int takenIn = 0;
        int overdue = 0;
        for (int from = 0; from < requests.size(); from += BATCH) {
            var batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            var known = checkRows.existing(batch.stream().map(ImportCommand::keyOf).toList());
            var fresh = batch.stream().filter(request -> !known.contains(keyOf(request))).toList();
            List<Long> ids = checks.requestAll(fresh);
            overdue += checkRows.countOverdue(ids, clock.instant());
            takenIn += fresh.size();
            takenInBefore += batch.size() - fresh.size();
        }
        out.printf(
                "%s: %d requests taken in as pending, %d rows skipped%s%n",
                path.getFileName(),
                takenIn,
                skipped,
                takenInBefore == 0
                        ? ""
                        : ", "
                                + takenInBefore
                                + " taken in before (same patient, type, priority and time)"
                                + " and left as they are");
        if (overdue > 0) {
            out.printf(
                    "%d of them were past their due time already: they raise no alert and no"
                            + " managers' task, and wait in the queue in priority order%n",
                    overdue);
        }
    }

    private static RequestKey keyOf(BackloggedRequest request) {
        NewHealthCheck check = request.request();
        return new RequestKey(
                check.patientUsername(),
                check.checkType(),
                check.priority(),
                request.requestedAt());
    }

    private static void skip(
            PrintStream out, Path path, CsvFile.Row row, IllegalArgumentException e) {
        out.printf("%s line %d: %s; skipped%n", path.getFileName(), row.line(), e.getMessage());
    }

    private static RosterEntry rosterEntry(CsvFile.Row row) {
        checkColumnCount(row);
        String username = required(row, "username", 64);
        String specialization = required(row, "specialization", 64);
        int max = integer(row, "max_concurrent_checks", 0, 50);
        int carried = integer(row, "current_assignments", 0, 1000);

        ConsultantStatus status = ConsultantStatus.fromCode(row.get("status"));
        if (status == null) {
            throw new IllegalArgumentException(
                    "status '" + row.get("status") + "' is not available, busy, break or offline");
        }

        return new RosterEntry(
                username,
                email(row, "email"),
                optional(row, "full_name", 200),
                specialization,
                checkTypes(row.get("preferred_check_types")),
                max,
                carried,
                rating(row.get("average_rating")),
                status);
    }

    private static NewHealthCheck request(CsvFile.Row row) {
        checkColumnCount(row);
        String patient = required(row, "patient_username", 64);

        CheckType type = CheckType.fromCode(row.get("check_type"));
        if (type == null) {
            throw new IllegalArgumentException(
                    "unknown check_type '" + row.get("check_type") + "'");
        }
        Priority priority = Priority.fromCode(row.get("priority"));
        if (priority == null) {
            throw new IllegalArgumentException("unknown priority '" + row.get("priority") + "'");
        }

        return new NewHealthCheck(
                patient,
                email(row, "patient_email"),
                type,
                priority,
                null,
                optional(row, "description", 2000),
                null);
    }

    private static void checkColumnCount(CsvFile.Row row) {
        String error = row.get(CsvFile.COLUMN_COUNT_ERROR);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
    }

    private static String required(CsvFile.Row row, String column, int maxLength) {
        String value = optional(row, column, maxLength);
        if (value == null) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return value;
    }

    private static String optional(CsvFile.Row row, String column, int maxLength) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(column + " is longer than " + maxLength);
        }
        return value.trim();
    }

    private static String email(CsvFile.Row row, String column) {
        String value = optional(row, column, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    // the value itself may be a patient's address: it stays out of the output
                    column + " is not an e-mail address");
        }
        return value;
    }

    /** A request cannot have been made later than now; a little clock skew is forgiven. */
    private static Instant requestedAt(CsvFile.Row row, Instant now) {
        Instant requestedAt = instant(row, "created_at");
        if (requestedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("created_at " + requestedAt + " lies in the future");
        }
        return requestedAt;
    }

    private static int integer(CsvFile.Row row, String column, int min, int max) {
        try {
            int value = Integer.parseInt(row.get(column).trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        column + " " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(
                    column + " '" + row.get(column) + "' is not a whole number");
        }
    }

    private static Instant instant(CsvFile.Row row, String column) {
        try {
            return Instant.parse(row.get(column).trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(
                    column + " '" + row.get(column) + "' is not an ISO-8601 UTC time");
        }
    }

    private static BigDecimal rating(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal rating = new BigDecimal(value.trim());
            if (rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
                throw new IllegalArgumentException("average_rating " + value + " is outside 0..5");
            }
            return rating;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("average_rating '" + value + "' is not a number");
        }
    }

    private static Set<CheckType> checkTypes(String value) {
        Set<CheckType> types = EnumSet.noneOf(CheckType.class);
        if (value == null || value.isBlank()) {
            return types;
        }
        for (String code : value.split(";")) {
            CheckType type = CheckType.fromCode(code);
            if (type == null) {
                throw new IllegalArgumentException("unknown preferred check type '" + code + "'");
            }
            types.add(type);
        }
        return types;
    }
}
