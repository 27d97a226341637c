package dev.partyline.server.session

import dev.partyline.server.Clock
import dev.partyline.server.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.BotDriver
import dev.partyline.server.room.RoomRegistry
import dev.partyline.server.room.Secrets
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.WireCodec
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

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
            val wire = Wire(this)
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

/** The server's registries on a test's virtual time, and connections to them whose writers record what they are sent. */
@OptIn(ExperimentalCoroutinesApi::class)
private class Wire(private val scope: TestScope) {
    val config = ServerConfig()
    private val clock = Clock { scope.testScheduler.currentTime }
    private val codec = WireCodec(listOf(QuizGame))
    private val metrics = ServerMetrics()
    private val secrets = Secrets()
    private val sessions = SessionRegistry(scope.backgroundScope, config, secrets).also { it.start() }
    private val rooms = RoomRegistry(listOf(QuizGame), scope.backgroundScope, clock, config, codec, secrets, metrics, BotDriver { })
        .also { it.start() }
    private val written = HashMap<String, MutableList<String>>()
    private var ids = 0L

    /** A connection named [name] whose writer records each text, then calls [onWrite] with it. */
    fun session(name: String, onWrite: (String) -> Unit = {}): Client {
        val connection = Connection(++ids, name, "127.0.0.1", config, clock, codec, metrics)
        val texts = written.getOrPut(name) { mutableListOf() }
        scope.backgroundScope.launch { connection.drainTo({ texts += it; onWrite(it) }, {}) }
        return Client(ClientSession(connection, codec, rooms, sessions, clock, "test", emptyList()))
    }

    /** Everything written to [name]'s connection so far, parsed. */
    fun heard(name: String): List<JsonObject> {
        scope.runCurrent()
        return written.getValue(name).map { Json.parseToJsonElement(it).jsonObject }
    }

    inner class Client(val session: ClientSession) {
        suspend fun handle(text: String) {
            session.handle(text, clock.now())
            scope.runCurrent()
        }
    }
}

private val JsonObject.type: String get() = str("type")

private fun JsonObject.str(key: String): String = getValue(key).jsonPrimitive.content
