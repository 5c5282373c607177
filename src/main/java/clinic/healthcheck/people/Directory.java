package clinic.healthcheck.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        return user(username).map(User::getEmail).filter(Directory::hasText);
    }

    public Optional<String> firstNameOf(String username) {
        return user(username).map(User::getFirstName).filter(Directory::hasText);
    }

    /** First and last name as the identity service has them, if it has either. */
    public Optional<String> fullNameOf(String username) {
        return user(username)
                .map(
                        user ->
                                Stream.of(user.getFirstName(), user.getLastName())
                                        .filter(Directory::hasText)
                                        .collect(Collectors.joining(" ")))
                .filter(Directory::hasText);
    }

    /** The addresses of a group's members who have one, each once, in a stable order. */
    public List<String> emailsOfGroup(String groupId) {
        return members(groupId).stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(Directory::hasText)
                .distinct()
                .toList();
    }

    /** The user ids of a group's members, in order. */
    public List<String> membersOf(String groupId) {
        return members(groupId).stream().map(User::getId).toList();
    }

    private List<User> members(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list();
    }

    private Optional<User> user(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.createUserQuery().userId(username).singleResult());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
