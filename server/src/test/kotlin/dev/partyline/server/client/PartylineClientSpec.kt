package dev.partyline.server.client

import dev.partyline.client.ClientSettings
import dev.partyline.client.Endpoint
import dev.partyline.client.PartylineClient
import dev.partyline.client.PartylineException
import dev.partyline.client.Received
import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.AnswerAck
import dev.partyline.shared.game.quiz.QuestionView
import dev.partyline.shared.game.quiz.QuizView
import dev.partyline.shared.game.quiz.Reveal
import dev.partyline.shared.protocol.CoreClientMessages.Create
import dev.partyline.shared.protocol.CoreClientMessages.Join
import dev.partyline.shared.protocol.CoreClientMessages.ListRooms
import dev.partyline.shared.protocol.CoreClientMessages.Start
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerJoined
import dev.partyline.shared.protocol.RoomList
import dev.partyline.shared.protocol.RoomSnapshot
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Welcome
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlin.time.Duration.Companion.seconds

/** The client library against a real server: typed messages both ways, replies by id, pongs, resume, and its end. */
class PartylineClientSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    for (transport in listOf("tcp", "ws")) {
        test("over $transport: a quiz played with typed messages, each request answered by its own reply") {
            val endpoint = if (transport == "tcp") Endpoint.Tcp("127.0.0.1", server.tcpPort) else Endpoint.WebSocket("ws://127.0.0.1:${server.httpPort}/ws")
            PartylineClient.connect(endpoint).use { host ->
                PartylineClient.connect(endpoint).use { player ->
                    host.hello("ada").name shouldBe "ada"
                    val me = player.hello("bob", bot = true).player
                    val room = host.request(Create("quiz", QUIZ)).message.shouldBeInstanceOf<RoomSnapshot>()
                    room.view shouldBe QuizView.LOBBY
                    player.request(Join(room.code.value)).message.shouldBeInstanceOf<RoomSnapshot>().you.player shouldBe me
                    host.events.next<PlayerJoined>().player shouldBe me

                    host.send(Start)
                    val question = player.events.next<QuestionView>()
                    question.choices shouldBe listOf("21", "80", "443")
                    player.request(Answer(question.index, choice = 1)).message shouldBe AnswerAck(0)
                    val reveal = player.events.next<Reveal>()
                    reveal.correct shouldBe listOf(1)
                    reveal.results.single { it.player == me }.correct shouldBe true
                    player.events.next<GameOver>().leaderboard.single().player shouldBe me
                }
            }
        }
    }

    test("one connector holds more than 100 WebSockets to one server at once (a bot author's crowd)") {
        val endpoint = Endpoint.WebSocket("ws://127.0.0.1:${server.httpPort}/ws")
        val clients = mutableListOf<PartylineClient>()
        try {
            withTimeout(30.seconds) {
                repeat(150) { n -> clients += PartylineClient.connect(endpoint).also { it.hello("bot$n", bot = true) } }
            }
            clients.forEach { it.request(ListRooms).message.shouldBeInstanceOf<RoomList>() } // all 150 still open and answered
        } finally {
            clients.forEach { it.close() }
        }
    }

    test("a refused request returns the server's error; a refused hello throws it with its code") {
        PartylineClient.connect(Endpoint.Tcp("127.0.0.1", server.tcpPort)).use { client ->
            shouldThrow<PartylineException> { client.hello("x".repeat(100)) }.code shouldBe "bad_name"
            client.hello("carol")
            client.request(Join("NOPE22")).message.shouldBeInstanceOf<ErrorMessage>().code shouldBe "room_not_found"
        }
    }

    test("it answers the server's pings, so an idle client stays while one that does not answer is dropped") {
        val quick = startTestServer(ServerConfig(idleTimeoutMillis = 600))
        try {
            PartylineClient.connect(Endpoint.Tcp("127.0.0.1", quick.tcpPort)).use { client ->
                TestClient.tcp(quick.tcpPort, "silent").use { silent ->
                    client.hello("dave")
                    silent.hello("erin")
                    silent.expect("goodbye", timeoutMs = 3_000)["reason"]!!.jsonPrimitive.content shouldBe Goodbye.IDLE
                    client.request(Join("NOPE22")).message.shouldBeInstanceOf<ErrorMessage>() // still connected, well past the idle timeout
                }
            }
        } finally {
            quick.stop()
        }
    }

    test("after its connection drops it resumes its session: same player, back in its room") {
        CuttableProxy.to(server.tcpPort).use { proxy ->
            PartylineClient.connect(Endpoint.Tcp("127.0.0.1", proxy.port)).use { client ->
                val me = client.hello("frank")
                val code = client.request(Create("quiz", QUIZ)).message.shouldBeInstanceOf<RoomSnapshot>().code.value
                proxy.cut()
                val resumed = client.events.next<Welcome>()
                resumed.resumed shouldBe true
                resumed.player shouldBe me.player
                client.events.next<RoomSnapshot>().code.value shouldBe code
                proxy.accepted shouldBe 2
            }
        }
    }

    test("a goodbye (the server shutting down) ends it with the goodbye's reason: its events complete and a request fails") {
        val stopping = startTestServer()
        val client = PartylineClient.connect(Endpoint.Tcp("127.0.0.1", stopping.tcpPort), ClientSettings(requestTimeout = 5.seconds))
        client.hello("gina")
        stopping.shutdown()
        stopping.stop()
        withTimeout(5_000) { client.events.toList() }.last().message.shouldBeInstanceOf<Goodbye>().reason shouldBe Goodbye.SHUTDOWN
        client.awaitEnd() shouldBe Goodbye.SHUTDOWN
        shouldThrow<PartylineException> { client.request(Join("NOPE22")) }
    }
})

/** The next event of type [T], skipping others, within 5 s. */
private suspend inline fun <reified T : ServerMessage> Flow<Received>.next(): T =
    withTimeout(5_000) { first { it.message is T }.message as T }

private val QUIZ: JsonObject = Json.parseToJsonElement(
    """{"revealSeconds":0,"seconds":5,"questions":[{"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1]}]}""",
).jsonObject
