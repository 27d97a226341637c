package dev.partyline.shared.protocol

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.WATCHER
import dev.partyline.shared.game.memory.MemoryFixtures
import dev.partyline.shared.game.memory.MemoryRun
import dev.partyline.shared.game.quiz.QuizFixtures
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.game.quiz.QuizRun
import dev.partyline.shared.game.quiz.QuizView
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject

/** The `room` snapshot on the wire: the same bytes as when it was built as a JSON object, and typed both ways. */
class RoomSnapshotSpec : FunSpec({
    val codec = WireCodec(Games.all)
    val options = JsonObject(mapOf("rows" to JsonPrimitive(2), "public" to JsonPrimitive(false)))
    val players = listOf(PlayerView(ADA, "ada", Role.HOST, 0, true), PlayerView(BOB, "bob", Role.PLAYER, 0, false, bot = true))

    fun snapshot(game: String, state: String, view: GameView, host: PlayerId? = ADA, you: Viewer = Viewer(BOB, Role.PLAYER, true)) =
        RoomSnapshot(RoomCode("QX7K2M"), game, state, options, host, players, 7, you, view)

    test("a lobby snapshot: the room's fields, then the game's, its nulls written out, and re last") {
        val room = snapshot("quiz", "lobby", QuizView.LOBBY, host = null)
        codec.encode(room, re = JsonPrimitive("c1")) shouldBe
            """{"type":"room","code":"QX7K2M","game":"quiz","state":"lobby","options":{"rows":2,"public":false},"host":null,$PLAYERS,""" +
            """"seq":7,"you":{"player":"p_bob","role":"player","plays":true},"question":null,"answered":false,"re":"c1"}"""
    }

    test("a quiz snapshot mid-question shows the question without its answer, and whether you answered") {
        val r = QuizRun.start(listOf(QuizFixtures.single(answer = 2)))
        r.answer(BOB, 0, choice = 1, at = T0 + 100)
        codec.encode(snapshot("quiz", "playing", r.state.view(BOB))) shouldBe
            """{"type":"room","code":"QX7K2M","game":"quiz","state":"playing","options":{"rows":2,"public":false},"host":"p_ada",$PLAYERS,""" +
            """"seq":7,"you":{"player":"p_bob","role":"player","plays":true},""" +
            """"question":{"index":0,"count":1,"kind":"single","text":"Pick one","choices":["a","b","c","d"],"deadline":1763900020000,"seconds":20,"points":1000},""" +
            """"answered":true,"paused":false,"reveal":null}"""
    }

    test("a memory snapshot shows the face of a card face up") {
        val r = MemoryRun.start(MemoryFixtures.game())
        r.flip(ADA, 0, T0 + 1_000)
        codec.encode(snapshot("memory", "playing", r.state.view(WATCHER), you = Viewer(WATCHER, Role.SPECTATOR, false))) shouldBe
            """{"type":"room","code":"QX7K2M","game":"memory","state":"playing","options":{"rows":2,"public":false},"host":"p_ada",$PLAYERS,""" +
            """"seq":7,"you":{"player":"p_watcher","role":"spectator","plays":false},""" +
            """"board":{"rows":2,"cols":4,"mode":"turns","pairs":4,"turn":"p_ada","deadline":1763900015000,"matched":[],"faceUp":{"0":"${r.deal.deck[0]}"},"found":{},"hideAt":null},""" +
            """"paused":false}"""
    }

    test("a face-down card has no face in a view, though its mate is face up") {
        val r = MemoryRun.start(MemoryFixtures.game())
        val (up, down) = r.deal.pairs[1]
        r.flip(ADA, up, T0 + 1_000)
        val board = r.state.view(BOB).board
        board.faceUp shouldBe mapOf(up to r.deal.deck[up])
        board.found shouldBe emptyMap()
        val text = codec.encode(snapshot("memory", "playing", r.state.view(BOB)))
        withClue(text) {
            Regex("\"${r.deal.deck[up]}\"").findAll(text).count() shouldBe 1
            text shouldNotContain "\"$down\":"
            (r.deal.deck.toSet() - r.deal.deck[up]).forEach { text shouldNotContain "\"$it\"" }
        }
    }

    test("a snapshot decodes back to the same message, its view typed by the game it names") {
        val quiz = QuizRun.start(listOf(QuizFixtures.single(answer = 2), QuizFixtures.typed(listOf("Au"))))
        quiz.answer(ADA, 0, choice = 2, at = T0 + 100)
        quiz.next(GameInput.Tick, T0 + 20_000)
        quiz.next(GameInput.Pause, T0 + 20_100)
        val race = MemoryRun.start(MemoryFixtures.game(mode = "race"))
        race.flipBoth(ADA, race.deal.pairs[0], T0 + 1_000)
        race.flip(BOB, race.deal.pairs[1][0], T0 + 1_000)
        val views = listOf(
            "quiz" to QuizView.LOBBY,
            "quiz" to quiz.state.view(ADA),
            "memory" to MemoryFixtures.table(MemoryFixtures.game()).lobbyView(),
            "memory" to race.state.view(ADA),
            "memory" to race.state.view(WATCHER),
        )
        for ((game, view) in views) for (re in listOf(null, JsonPrimitive("c1"), JsonPrimitive(5))) {
            val room = snapshot(game, "playing", view)
            val text = codec.encode(room, re = re)
            withClue(text) {
                codec.decodeServer(text) shouldBe room
                codec.decodeServer(Json.parseToJsonElement(text).jsonObject) shouldBe room
            }
        }
    }

    test("a codec without the snapshot's game cannot decode it (a client then shows it untyped)") {
        val text = codec.encode(snapshot("memory", "lobby", MemoryFixtures.table(MemoryFixtures.game()).lobbyView()))
        shouldThrow<SerializationException> { WireCodec(listOf(QuizGame)).decodeServer(text) }
    }
})

private const val PLAYERS = """"players":[{"player":"p_ada","name":"ada","role":"host","score":0,"connected":true,"bot":false},""" +
    """{"player":"p_bob","name":"bob","role":"player","score":0,"connected":false,"bot":true}]"""
