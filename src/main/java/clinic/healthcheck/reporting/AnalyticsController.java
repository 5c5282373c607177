package clinic.healthcheck.reporting;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures for a period, for managers and admins. */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final Analytics analytics;
    private final Clock clock;

    AnalyticsController(Analytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    /** {@code from} and {@code to} as {@link Period#parse} reads them; the last 7 days without. */
    @GetMapping
    Figures figures(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return analytics.figures(Period.parse(from, to, clock.instant()));
    }
}
