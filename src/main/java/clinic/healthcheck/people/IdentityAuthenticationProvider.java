package clinic.healthcheck.people;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks API logins against Camunda's identity service, the same directory the webapps use, and
 * grants a role for each group the user belongs to.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    IdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (!identity.checkPassword(username, password)) {
            throw new BadCredentialsException("Wrong username or password");
        }

        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(username).list()) {
            Role role = Role.BY_GROUP.get(group.getId());
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
