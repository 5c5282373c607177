package clinic.healthcheck.notification;

/** The embedded mail default on the embedded default database. */
class MailWithoutSmtpOnH2IT extends MailWithoutSmtpTests {}
