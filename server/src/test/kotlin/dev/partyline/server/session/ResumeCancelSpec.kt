package dev.partyline.server.session

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

/**
 * A resume whose connection ends while its room is still seating it — the writer fails, and the
 * transport cancels the reader waiting for the room — is undone when that connection ends: the
 * room is told, shows the player away and lets the seat go after the grace period. Under virtual
 * time, with the registries and sessions a server wires, and writers that stand in for sockets.
 */
@OptIn(ExperimentalCoroutinesApi::class)
class ResumeCancelSpec : FunSpec({
    test("a resume cancelled while its room seats it leaves the player away, and the seat goes after the grace period") {
        runTest {
            val wire = SessionWire(this)
            val host = wire.session("host")
            host.handle("""{"type":"hello","name":"host","protocol":1}""")
            host.handle("""{"type":"create","game":"quiz"}""")
            val code = wire.heard("host").last { it.type == "room" }.str("code")
            val ada = wire.session("ada")
            ada.handle("""{"type":"hello","name":"ada","protocol":1}""")
            val welcome = wire.heard("ada").single { it.type == "welcome" }
            ada.handle("""{"type":"join","room":"$code"}""")
            ada.session.disconnected()
            runCurrent()

            lateinit var reader: Job
            val again = wire.session("again") { text -> if ("\"welcome\"" in text) reader.cancel() } // the socket fails on its first write
            reader = launch { again.session.handle("""{"type":"hello","protocol":1,"session":"${welcome.str("session")}"}""", 0) }
            reader.join()
            again.session.disconnected()
            runCurrent()

            wire.heard("host").last { it.type == "player_status" }.str("connected") shouldBe "false"
            advanceTimeBy(wire.config.graceMillis)
            runCurrent()
            wire.heard("host").last().let { it.type to it.str("reason") } shouldBe ("player_left" to "timeout")
        }
    }
})
