package clinic.healthcheck.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.healthcheck.checks.CheckType;
import clinic.healthcheck.consultants.Consultant;
import clinic.healthcheck.consultants.ConsultantStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking and wait reasons, without a database: the pool decides, the database confirms. */
class ConsultantPoolTest {

    private static final List<String> MEDICAL = List.of("medical staff");
    private static final List<String> ANY = List.of("medical staff", "nutrition");
    private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");

    private long nextId = 1;

    @Test
    void highestRatingWins() {
        var pool =
                new ConsultantPool(
                        List.of(
                                consultant("good", "Medical Staff", "4.1", 0, 3),
                                consultant("best", "Medical Staff", "4.9", 0, 3)));

        assertThat(chosen(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("best");
    }

    @Test
    void onEqualRatingTheConsultantWithFewerChecksWins() {
        var pool =
                new ConsultantPool(
                        List.of(
                                consultant("busier", "Medical Staff", "4.5", 2, 3),
                                consultant("lighter", "Medical Staff", "4.5", 1, 3)));

        assertThat(chosen(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("lighter");
    }

    @Test
    void onEqualRatingAndLoadTheLongestWaitingConsultantWins() {
        var recent = consultant("recent", "Medical Staff", "4.5", 1, 3, NOW.minusSeconds(60));
        var longAgo = consultant("longAgo", "Medical Staff", "4.5", 1, 3, NOW.minusSeconds(6000));
        var pool = new ConsultantPool(List.of(recent, longAgo));

        assertThat(chosen(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("longAgo");
    }

    @Test
    void consultantsWithoutRatingRankAfterRatedOnes() {
        var pool =
                new ConsultantPool(
                        List.of(
                                consultant("unrated", "Medical Staff", null, 0, 3),
                                consultant("low", "Medical Staff", "0.5", 2, 3)));

        assertThat(chosen(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("low");
    }

    @Test
    void specializationsAreComparedWithoutRegardToCase() {
        var pool = new ConsultantPool(List.of(consultant("shouty", "MEDICAL STAFF", "4.0", 0, 3)));

        assertThat(chosen(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("shouty");
    }

    @Test
    void aConsultantIsNeverGivenMoreThanTheirMaximum() {
        var pool = new ConsultantPool(List.of(consultant("solo", "Medical Staff", "4.0", 1, 3)));

        takeBest(pool, MEDICAL, CheckType.MEDICAL);
        takeBest(pool, MEDICAL, CheckType.MEDICAL);

        assertThat(pool.choose(MEDICAL, CheckType.MEDICAL, null)).isEmpty();
        assertThat(pool.whyNobody(MEDICAL, CheckType.MEDICAL)).isEqualTo(WaitReason.ALL_FULL);
    }

    @Test
    void takingASlotMovesTheConsultantDownTheRanking() {
        var pool =
                new ConsultantPool(
                        List.of(
                                consultant("a", "Medical Staff", "4.5", 0, 3),
                                consultant("b", "Medical Staff", "4.5", 0, 3)));

        assertThat(takeBest(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("a");
        assertThat(takeBest(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("b");
    }

    @Test
    void preferredCheckTypesFilterAndEmptyMeansAny() {
        var pool =
                new ConsultantPool(
                        List.of(
                                consultant(
                                        "medicalOnly",
                                        "Medical Staff",
                                        "5.0",
                                        0,
                                        3,
                                        null,
                                        EnumSet.of(CheckType.MEDICAL)),
                                consultant("anything", "Medical Staff", "3.0", 0, 3)));

        assertThat(chosen(pool, MEDICAL, CheckType.WELLNESS)).isEqualTo("anything");
        assertThat(chosen(pool, MEDICAL, CheckType.MEDICAL)).isEqualTo("medicalOnly");
    }

    @Test
    void onlyAvailableConsultantsAreChosen() {
        var away = consultant("away", "Medical Staff", "5.0", 0, 3, ConsultantStatus.BREAK);
        var pool = new ConsultantPool(List.of(away));

        assertThat(pool.choose(MEDICAL, CheckType.MEDICAL, null)).isEmpty();
        assertThat(pool.whyNobody(MEDICAL, CheckType.MEDICAL))
                .isEqualTo(WaitReason.ALL_UNAVAILABLE);
    }

    @Test
    void theConsultantWhoSawThePatientLastTakesTheFollowUpWhenTheyHaveRoom() {
        var star = consultant("star", "Nutrition", "5.0", 0, 3);
        var familiar = consultant("familiar", "Medical Staff", "3.0", 0, 3);
        var pool = new ConsultantPool(List.of(star, familiar));

        var choice = pool.choose(ANY, CheckType.FOLLOW_UP, familiar.id()).orElseThrow();

        assertThat(choice.candidate().consultant().username()).isEqualTo("familiar");
        assertThat(choice.continuity()).isTrue();
        assertThat(choice.rank()).isEqualTo(2);
    }

    @Test
    void continuityYieldsWhenTheFamiliarConsultantIsFull() {
        var star = consultant("star", "Nutrition", "5.0", 0, 3);
        var familiar = consultant("familiar", "Medical Staff", "3.0", 3, 3);
        var pool = new ConsultantPool(List.of(star, familiar));

        var choice = pool.choose(ANY, CheckType.FOLLOW_UP, familiar.id()).orElseThrow();

        assertThat(choice.candidate().consultant().username()).isEqualTo("star");
        assertThat(choice.continuity()).isFalse();
    }

    @Test
    void waitReasonsNameTheFirstRuleThatLeftNobody() {
        var nutritionist =
                consultant("n", "Nutrition", "4.0", 0, 3, null, EnumSet.of(CheckType.NUTRITION));
        var pool = new ConsultantPool(List.of(nutritionist));

        assertThat(pool.whyNobody(List.of(), CheckType.MEDICAL)).isEqualTo(WaitReason.NO_RULE);
        assertThat(pool.whyNobody(MEDICAL, CheckType.MEDICAL))
                .isEqualTo(WaitReason.NO_SPECIALIZATION);
        assertThat(pool.whyNobody(List.of("nutrition"), CheckType.WELLNESS))
                .isEqualTo(WaitReason.NO_PREFERENCE);
    }

    private static String chosen(ConsultantPool pool, List<String> specs, CheckType type) {
        return pool.choose(specs, type, null).orElseThrow().candidate().consultant().username();
    }

    private static String takeBest(ConsultantPool pool, List<String> specs, CheckType type) {
        var candidate = pool.choose(specs, type, null).orElseThrow().candidate();
        pool.tookSlot(candidate, NOW);
        return candidate.consultant().username();
    }

    private Consultant consultant(String name, String spec, String rating, int load, int max) {
        return consultant(name, spec, rating, load, max, null, Set.of());
    }

    private Consultant consultant(
            String name, String spec, String rating, int load, int max, Instant lastAssigned) {
        return consultant(name, spec, rating, load, max, lastAssigned, Set.of());
    }

    private Consultant consultant(
            String name, String spec, String rating, int load, int max, ConsultantStatus status) {
        return build(name, spec, rating, load, max, null, Set.of(), status);
    }

    private Consultant consultant(
            String name,
            String spec,
            String rating,
            int load,
            int max,
            Instant lastAssigned,
            Set<CheckType> preferred) {
        return build(
                name, spec, rating, load, max, lastAssigned, preferred, ConsultantStatus.AVAILABLE);
    }

    private Consultant build(
            String name,
            String spec,
            String rating,
            int load,
            int max,
            Instant lastAssigned,
            Set<CheckType> preferred,
            ConsultantStatus status) {
        return new Consultant(
                nextId++,
                name,
                null,
                null,
                status,
                load,
                0,
                max,
                spec,
                preferred.isEmpty() ? EnumSet.noneOf(CheckType.class) : EnumSet.copyOf(preferred),
                null,
                rating == null ? null : new BigDecimal(rating),
                0,
                lastAssigned);
    }
}
