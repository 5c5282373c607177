/**
 * Who calls and what they may do: logins against Camunda's identity service, the roles their groups
 * give in the API, the Camunda rights each group has in the webapps and the engine's REST API, the
 * Tasklist filters, and the admin a profile other than demo starts with.
 */
package clinic.healthcheck.people;
