package dev.partyline.server.http.api

import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeBetween
import io.kotest.matchers.shouldBe

/**
 * A login for a name nobody has takes about as long as one with a wrong password for a real
 * name (the decoy hash), so timing does not tell which names exist. Medians of interleaved tries,
 * with a wide band: the box is shared and noisy, but skipping the hash would be ~100× faster.
 */
class LoginTimingSpec : FunSpec({
    test("an unknown name and a wrong password take about the same time") {
        val server = startTestServer()
        try {
            ApiClient(server.httpPort).signUp("timing_target")
            val client = ApiClient(server.httpPort)
            fun timed(name: String): Long {
                val started = System.nanoTime()
                client.post("/api/login", """{"name":"$name","password":"not the password"}""").status shouldBe 401
                return System.nanoTime() - started
            }
            repeat(3) { timed("timing_target"); timed("nobody_at_all") } // warm-up
            val known = ArrayList<Long>()
            val unknown = ArrayList<Long>()
            repeat(TRIES) {
                known += timed("timing_target")
                unknown += timed("nobody_$it")
            }
            val ratio = unknown.median() / known.median()
            println("LoginTimingSpec: median wrong password %.1f ms, unknown name %.1f ms (ratio %.2f)".format(known.median() / 1e6, unknown.median() / 1e6, ratio))
            ratio.shouldBeBetween(0.5, 2.0, 0.0)
        } finally {
            server.stop()
        }
    }
})

private const val TRIES = 9

private fun List<Long>.median(): Double = sorted()[size / 2].toDouble()
