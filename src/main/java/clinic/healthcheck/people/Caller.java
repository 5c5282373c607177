package clinic.healthcheck.people;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who calls the API, and in which roles. */
public record Caller(String username, Set<Role> roles) {

    public static Caller from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Caller(authentication.getName(), roles);
    }

    /** A webapp user, in the roles of the groups the identity service gave them at sign-in. */
    public static Caller ofGroups(String username, Collection<String> groupIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groupIds) {
            Role role = Role.BY_GROUP.get(group);
            if (role != null) {
                roles.add(role);
            }
        }
        return new Caller(username, roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Managers and admins see and act on every check. */
    public boolean oversees() {
        return is(Role.MANAGER) || is(Role.ADMIN);
    }
}
