/**
 * The Cockpit plugin that shows the reporting figures as the "Health checks" view: Cockpit loads
 * the plugin by its service entry and the resource serves the figures under the webapp login.
 */
package clinic.healthcheck.reporting.cockpit;
