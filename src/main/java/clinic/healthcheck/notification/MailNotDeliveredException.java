package clinic.healthcheck.notification;

/**
 * A message the SMTP server did not take. It carries only the masked description of the failure,
 * not the failure itself: the engine logs it and keeps it as the job's and the incident's message,
 * and SMTP errors quote recipients' addresses.
 */
class MailNotDeliveredException extends RuntimeException {

    MailNotDeliveredException(long checkId, Message message, String error) {
        super(
                "Notification "
                        + message.kind().code()
                        + " for health check "
                        + checkId
                        + " to "
                        + message.role().code()
                        + " not delivered: "
                        + error,
                null,
                false,
                false);
    }
}
