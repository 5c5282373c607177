/**
 * Reporting: the figures managers read (what waits, how fast each priority is assigned against its
 * due time, who carries how much, why checks wait), computed once by {@link
 * clinic.healthcheck.reporting.Analytics} and served as JSON, in Cockpit and by the command-line
 * reports.
 */
package clinic.healthcheck.reporting;
