package clinic.healthcheck.people;

/** Logins on H2, the embedded default. */
class LoginOnH2IT extends LoginTests {}
