package clinic.healthcheck.people;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** What the identity service knows of a person, for the features that need it. */
@Component
public class Directory {

    private final IdentityService identity;

    Directory(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<String> emailOf(String username) {
        User user = identity.createUserQuery().userId(username).singleResult();
        return Optional.ofNullable(user).map(User::getEmail).filter(email -> !email.isBlank());
    }
}
