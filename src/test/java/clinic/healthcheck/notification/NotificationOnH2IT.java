package clinic.healthcheck.notification;

/** Mail on the embedded default database. */
class NotificationOnH2IT extends NotificationTests {}
