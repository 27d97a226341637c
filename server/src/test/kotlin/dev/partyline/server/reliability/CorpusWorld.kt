package dev.partyline.server.reliability

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Four rooms in four states, with a connection in every [Place] over one transport, and an
 * observer (over TCP) in each room that fetches the room's snapshot on demand. Built fresh for
 * each transport, so that nothing one run did can hide in the next.
 */
class CorpusWorld private constructor(
    private val clients: MutableList<TestClient>,
    private val senders: Map<Place, TestClient>,
    private val observers: Map<Room, TestClient>,
    private val codes: Map<Room, String>,
) : AutoCloseable {
    /** The rooms, each in a state that no timer changes while the corpus runs. */
    enum class Room { QUIZ_LOBBY, QUIZ_PLAYING, QUIZ_OVER, MEMORY_PLAYING }

    private var asks = 0

    fun sender(place: Place): TestClient = senders.getValue(place)

    /** [room]'s `room` snapshot as its observer sees it, and whatever else the observer heard first (nothing, if the room is still). */
    suspend fun snapshot(room: Room): Pair<List<JsonObject>, JsonObject> {
        val observer = observers.getValue(room)
        val id = JsonPrimitive("snap-${++asks}")
        observer.send("""{"type":"join","room":"${codes.getValue(room)}","as":"spectator","id":$id}""")
        val before = mutableListOf<JsonObject>()
        while (true) {
            val heard = observer.next()
            if (heard.type == "room" && heard["re"] == id) return before to JsonObject(heard - "re")
            before += heard
        }
    }

    override fun close() = clients.forEach { it.close() }

    companion object {
        private val QUIZ_LOBBY_OPTIONS = """{"public":true,"bots":false,"questions":[{"kind":"single","text":"Pick b","choices":["a","b"],"answer":[1]}]}"""
        private val QUIZ_PLAYING_OPTIONS = """{"bots":false,"questions":[{"kind":"typed","text":"Say yes","accept":["yes"],"seconds":120},""" +
            """{"kind":"single","text":"Pick a","choices":["a","b"],"answer":[0]}]}"""
        private val QUIZ_OVER_OPTIONS = """{"questions":[{"kind":"single","text":"Pick a","choices":["a","b"],"answer":[0]}]}"""
        private const val MEMORY_OPTIONS = """{"rows":4,"cols":4,"turnSeconds":300,"bots":false}"""

        /** Builds the rooms and connections on [server], the senders connected with [connect]. */
        suspend fun build(server: PartylineServer, connect: suspend (String) -> TestClient): CorpusWorld {
            val clients = mutableListOf<TestClient>()
            suspend fun client(label: String, tcp: Boolean = false): TestClient =
                (if (tcp) TestClient.tcp(server.tcpPort, label) else connect(label)).also { clients += it }
            suspend fun welcomed(label: String, tcp: Boolean = false) = client(label, tcp).also { it.hello(label) }
            suspend fun TestClient.enter(code: String, role: String = "player") {
                send("""{"type":"join","room":"$code","as":"$role"}""")
                expect("room")
            }
            suspend fun TestClient.create(game: String, options: String): String {
                send("""{"type":"create","game":"$game","options":$options}""")
                return expect("room").str("code")
            }

            val senders = HashMap<Place, TestClient>()
            val observers = HashMap<Room, TestClient>()
            val codes = HashMap<Room, String>()
            senders[Place.FRESH] = client("fresh")
            senders[Place.LOBBY] = welcomed("lobby")

            // A quiz in its lobby.
            val lobbyHost = welcomed("lobby-host").also { senders[Place.QUIZ_LOBBY_HOST] = it }
            codes[Room.QUIZ_LOBBY] = lobbyHost.create("quiz", QUIZ_LOBBY_OPTIONS)
            senders[Place.QUIZ_LOBBY_PLAYER] = welcomed("lobby-player").also { it.enter(codes.getValue(Room.QUIZ_LOBBY)) }
            senders[Place.QUIZ_LOBBY_SPECTATOR] = welcomed("lobby-spectator").also { it.enter(codes.getValue(Room.QUIZ_LOBBY), "spectator") }
            observers[Room.QUIZ_LOBBY] = welcomed("lobby-observer", tcp = true).also { it.enter(codes.getValue(Room.QUIZ_LOBBY), "spectator") }

            // A quiz under way: a typed question open for two minutes, answered by one of two players.
            val playingHost = welcomed("playing-host").also { senders[Place.PLAYING_HOST] = it }
            val playing = playingHost.create("quiz", QUIZ_PLAYING_OPTIONS).also { codes[Room.QUIZ_PLAYING] = it }
            senders[Place.PLAYING_PLAYER] = welcomed("playing-player").also { it.enter(playing) }
            val answered = welcomed("playing-answered").also { it.enter(playing); senders[Place.PLAYING_ANSWERED] = it }
            senders[Place.PLAYING_SPECTATOR] = welcomed("playing-spectator").also { it.enter(playing, "spectator") }
            val playingObserver = welcomed("playing-observer", tcp = true).also { it.enter(playing, "spectator"); observers[Room.QUIZ_PLAYING] = it }
            playingHost.send("""{"type":"start"}""")
            answered.expect("question")
            answered.send("""{"type":"answer","index":0,"text":"yes"}""")
            answered.expect("answer_ack")
            playingObserver.expect("answers")

            // A quiz its host has ended.
            val overHost = welcomed("over-host").also { senders[Place.OVER_HOST] = it }
            val over = overHost.create("quiz", QUIZ_OVER_OPTIONS).also { codes[Room.QUIZ_OVER] = it }
            senders[Place.OVER_PLAYER] = welcomed("over-player").also { it.enter(over) }
            val overObserver = welcomed("over-observer", tcp = true).also { it.enter(over, "spectator"); observers[Room.QUIZ_OVER] = it }
            overHost.send("""{"type":"start"}""")
            overHost.expect("question")
            overHost.send("""{"type":"end"}""")
            overObserver.expect("game_over")

            // Memory under way, the host on turn for five minutes.
            val memoryHost = welcomed("memory-host").also { senders[Place.MEMORY_HOST] = it }
            val memory = memoryHost.create("memory", MEMORY_OPTIONS).also { codes[Room.MEMORY_PLAYING] = it }
            senders[Place.MEMORY_PLAYER] = welcomed("memory-player").also { it.enter(memory) }
            senders[Place.MEMORY_SPECTATOR] = welcomed("memory-spectator").also { it.enter(memory, "spectator") }
            val memoryObserver = welcomed("memory-observer", tcp = true).also { it.enter(memory, "spectator"); observers[Room.MEMORY_PLAYING] = it }
            memoryHost.send("""{"type":"start"}""")
            memoryObserver.expect("board")

            // Whatever the set-up sent anyone is read before the corpus starts.
            for (c in clients) c.settle()
            return CorpusWorld(clients, senders, observers, codes)
        }

        /** Reads everything sent so far: a ping, then all up to its pong (or `not_welcomed`, before hello). */
        private suspend fun TestClient.settle() {
            send("""{"type":"ping","t":0,"id":"settle"}""")
            do {
                val heard = next()
            } while (heard["re"] != JsonPrimitive("settle"))
        }
    }
}
