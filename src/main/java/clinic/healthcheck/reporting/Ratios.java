package clinic.healthcheck.reporting;

/** Shares and average loads as the figures show them, rounded once, where they are made. */
final class Ratios {

    private Ratios() {}

    /** {@code part / whole} to four decimals; null when the whole is 0. */
    static Double share(double part, double whole) {
        if (whole == 0) {
            return null;
        }
        return Math.round(part / whole * 10_000) / 10_000.0;
    }

    /** Seconds of held checks over seconds elapsed: checks held at once, to two decimals. */
    static double load(long heldSeconds, long elapsedSeconds) {
        if (elapsedSeconds <= 0) {
            return 0;
        }
        return Math.round((double) heldSeconds / elapsedSeconds * 100) / 100.0;
    }
}
