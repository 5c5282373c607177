package clinic.healthcheck.system;

import clinic.healthcheck.assignment.AssignmentRefusedException;
import clinic.healthcheck.checks.HealthCheckNotFoundException;
import clinic.healthcheck.checks.LifecycleConflictException;
import clinic.healthcheck.checks.StepAlreadyTakenException;
import clinic.healthcheck.consultants.ConsultantNotFoundException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what went wrong into RFC 9457 problem bodies that name the field or the state. A command
 * that lost a race gets 409, never 500: nothing it tried has been kept.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid field");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler({HealthCheckNotFoundException.class, ConsultantNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(LifecycleConflictException.class)
    ProblemDetail conflict(LifecycleConflictException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Step not allowed in this state");
        problem.setProperty("state", e.state().code());
        return problem;
    }

    @ExceptionHandler(AssignmentRefusedException.class)
    ProblemDetail assignmentRefused(AssignmentRefusedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Assignment refused");
        problem.setProperty("reason", e.reason().code());
        return problem;
    }

    /** Another command on the same check committed first; nothing of this one was kept. */
    @ExceptionHandler({
        OptimisticLockingException.class,
        MismatchingMessageCorrelationException.class,
        PessimisticLockingFailureException.class,
        StepAlreadyTakenException.class
    })
    ProblemDetail concurrentChange(RuntimeException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "The health check changed while this request ran; read it again");
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        "Parameter " + e.getName() + " has an invalid value");
        problem.setTitle("Invalid field");
        problem.setProperty("field", e.getName());
        return problem;
    }

    /** Unreadable JSON, an unknown property or a value of the wrong type, by its field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = null;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field =
                    mapping.getPath().stream()
                            .map(
                                    ref ->
                                            ref.getFieldName() == null
                                                    ? "[" + ref.getIndex() + "]"
                                                    : ref.getFieldName())
                            .reduce((a, b) -> a + "." + b)
                            .orElse(null);
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        field == null
                                ? "The request body is not valid JSON"
                                : "Field "
                                        + field
                                        + " is unknown or has a value of the wrong type");
        problem.setTitle("Invalid field");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<Map<String, String>> errors =
                e.getBindingResult().getFieldErrors().stream()
                        .map(
                                error ->
                                        Map.of(
                                                "field",
                                                error.getField(),
                                                "message",
                                                String.valueOf(error.getDefaultMessage())))
                        .toList();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        errors.stream()
                                .map(error -> error.get("field") + " " + error.get("message"))
                                .sorted()
                                .reduce((a, b) -> a + "; " + b)
                                .orElse("Invalid request"));
        problem.setTitle("Invalid field");
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
