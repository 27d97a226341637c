package dev.partyline.server.browser

import java.io.File

/**
 * axe-core (npm's, pinned in `src/test/axe/package.json`; `npm ci --prefix server/src/test/axe`
 * installs it, as `.ci/run` does), run in the page as it is now.
 */
object Axe {
    private val script: String by lazy {
        val file = File("src/test/axe/node_modules/axe-core/axe.min.js")
        check(file.canRead()) { "${file.path} is missing: run 'npm ci --prefix server/src/test/axe' (.ci/run does)" }
        file.readText()
    }

    /** The WCAG 2.0 and 2.1 A and AA rules, and the one that checks a control's name holds its visible text (WCAG 2.5.3). */
    private const val OPTIONS =
        "{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'label-content-name-mismatch': { enabled: true } } }"

    /** The serious and critical violations on [browser]'s page: "rule: what is wrong — where", one a line. */
    fun seriousViolations(browser: Browser): List<String> {
        browser.js(script)
        @Suppress("UNCHECKED_CAST")
        val found = browser.driver.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, $OPTIONS).then((result) => done(result.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .flatMap((v) => v.nodes.map((n) => v.id + ': ' + v.help + ' — ' + n.target.join(' ') + ' ' + n.html.slice(0, 120)))),
              (error) => done(['axe failed: ' + error]));
            """.trimIndent(),
        ) as List<String>
        return found
    }
}
