package dev.partyline.server.session

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.BotDriver
import dev.partyline.server.room.RoomRegistry
import dev.partyline.server.room.Secrets
import dev.partyline.server.store.SqlAccountStore
import dev.partyline.server.store.SqlQuizStore
import dev.partyline.server.store.StoreBackend
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/** The server's registries on a test's virtual time, and connections to them whose writers record what they are sent. */
@OptIn(ExperimentalCoroutinesApi::class)
class SessionWire(private val scope: TestScope, games: List<Game> = listOf(QuizGame), secrets: Secrets = Secrets()) {
    val config = ServerConfig()
    private val clock = Clock { scope.testScheduler.currentTime }
    private val codec = WireCodec(games)
    private val metrics = ServerMetrics()
    val sessions = SessionRegistry(scope.backgroundScope, config, secrets).also { it.start() }
    val rooms = RoomRegistry(games, scope.backgroundScope, clock, config, codec, secrets, metrics, BotDriver { })
        .also { it.start() }
    private val written = HashMap<String, MutableList<String>>()
    private var ids = 0L

    /** A connection named [name] whose writer records each text, then calls [onWrite] with it. */
    fun session(name: String, onWrite: (String) -> Unit = {}): Client {
        val connection = Connection(++ids, name, "127.0.0.1", config, clock, codec, metrics)
        val texts = written.getOrPut(name) { mutableListOf() }
        scope.backgroundScope.launch { connection.drainTo({ texts += it; onWrite(it) }, {}) }
        return Client(ClientSession(connection, codec, rooms, sessions, clock, "test", emptyList(), SavedQuizHosting(accounts, quizzes, clock), Credentials.NONE))
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

/** One embedded store for every wire: these specs host no saved quiz, so it stays empty. */
private val database by lazy { StoreBackend.SQLITE.open() }
private val accounts by lazy { SqlAccountStore(database) }
private val quizzes by lazy { SqlQuizStore(database) }

val JsonObject.type: String get() = str("type")

fun JsonObject.str(key: String): String = getValue(key).jsonPrimitive.content
