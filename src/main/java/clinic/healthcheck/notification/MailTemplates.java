package clinic.healthcheck.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates under {@code templates/mail/}: {@code NAME.txt} as plain text and
 * {@code NAME.html} as HTML, from the same model. A template engine of its own keeps mail apart
 * from any web views and lets text templates go unescaped while HTML is escaped.
 */
@Component
class MailTemplates {

    private static final String FOLDER = "templates/mail/";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    String text(String name, Map<String, Object> model) {
        return render(name + ".txt", model);
    }

    String html(String name, Map<String, Object> model) {
        return render(name + ".html", model);
    }

    private String render(String template, Map<String, Object> model) {
        return engine.process(template, new Context(Locale.ENGLISH, model));
    }

    private static ClassLoaderTemplateResolver resolver(
            TemplateMode mode, String pattern, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
