/** Who calls: logins against Camunda's identity service and the roles their groups give. */
package clinic.healthcheck.people;
