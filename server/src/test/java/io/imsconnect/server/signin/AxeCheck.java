package io.imsconnect.server.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from its WebJar, test scope) run in the page the browser shows, against the WCAG 2.0 and 2.1 A and AA
 * rules: the serious and critical violations, one line each ("rule: elements"). Injected by WebDriver, so the
 * pages' Content-Security-Policy (no inline script) stays as it is.
 */
final class AxeCheck {

    private static final String SOURCE = read("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(error => done(['axe failed: ' + error]));
            """;

    private AxeCheck() {
    }

    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript(SOURCE);
        return (List<String>) script.executeAsyncScript(RUN);
    }

    private static String read(String resource) {
        try (InputStream in = AxeCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
