package dev.partyline.server

import com.github.ajalt.clikt.testing.test
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** The server's command line, as `--help` shows it and as the README promises it. */
class PartylineCommandSpec : FunSpec({
    test("--help shows each option's default and says how to set options from the environment") {
        val help = PartylineCommand().test("--help").output
        help shouldContain "--http-port"
        help shouldContain "(default: 8080)"
        help shouldContain "(default: 45000)" // --idle-timeout-ms
        help shouldContain "PARTYLINE_HTTP_PORT"
    }

    test("an option is read from PARTYLINE_<OPTION>, and a flag on the command line wins over it") {
        val fromEnvironment = PartylineCommand().also { it.test("", envvars = mapOf("PARTYLINE_HTTP_PORT" to "9191", "PARTYLINE_GRACE_MS" to "5000")) }
        fromEnvironment.config!!.httpPort shouldBe 9191
        fromEnvironment.config!!.graceMillis shouldBe 5000
        val flagWins = PartylineCommand().also { it.test("--http-port 9292", envvars = mapOf("PARTYLINE_HTTP_PORT" to "9191")) }
        flagWins.config!!.httpPort shouldBe 9292
    }
})
