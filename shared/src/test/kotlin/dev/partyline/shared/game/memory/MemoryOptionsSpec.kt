package dev.partyline.shared.game.memory

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.wire
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.Role
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeFalse
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** `create` options of memory: defaults, validation, the seed kept secret, who plays, starting. */
class MemoryOptionsSpec : FunSpec({
    val m = MemoryFixtures
    fun opts(vararg pairs: Pair<String, Any>) = m.opts(*pairs)

    fun badRequest(options: JsonObject): String {
        val rejection = m.rejection(options)
        rejection.code shouldBe ErrorCode.BAD_REQUEST
        return rejection.message
    }

    test("no options means a 4×4 board in turns, 15 seconds a turn, misses shown for 1.5 s") {
        val table = m.table(opts())
        table.options shouldBe opts("rows" to 4, "cols" to 4, "mode" to "turns", "turnSeconds" to 15, "missMillis" to 1500)
        val board = table.start(m.seats(listOf(ADA)), T0).shouldBeInstanceOf<Step.Next>().emits.only<BoardStarted>()
        board shouldBe BoardStarted(4, 4, MemoryMode.TURNS, 8, ADA, T0 + 15_000)
    }

    test("the options clients see never contain the seed") {
        val table = m.table(opts("seed" to 1234, "mode" to "race", "rows" to 2, "cols" to 3, "turnSeconds" to 30, "missMillis" to 0))
        table.options shouldBe opts("rows" to 2, "cols" to 3, "mode" to "race", "turnSeconds" to 30, "missMillis" to 0)
        table.options.toString() shouldNotContain "1234"
        table.lobbyView().wire().toString() shouldNotContain "1234"
    }

    test("without a seed option the room's seed deals the board; a seed option wins over it") {
        MemoryRun.start(opts(), listOf(ADA)).state.settings.deck shouldBe Faces.deal(8, 1L)
        val table = m.table(opts("seed" to 99), seed = 5L)
        val started = table.start(m.seats(listOf(ADA)), T0) as Step.Next
        (started.play as MemoryState).settings.deck shouldBe Faces.deal(8, 99L)
    }

    test("game_over tells the seed, so the board can be replayed") {
        val r = MemoryRun.start(m.game(seed = 77))
        r.next(GameInput.End, T0 + 1_000).only<GameOver>().seed shouldBe 77L
    }

    test("a seed is a whole number from 0 to 2^53 - 1, so that every client (a browser too) reads it back exactly") {
        m.table(opts("seed" to Limits.MAX_EXACT_NUMBER)).shouldNotBeNull()
        badRequest(opts("seed" to Limits.MAX_EXACT_NUMBER + 1)) shouldContain "'seed'"
        badRequest(opts("seed" to -1)) shouldContain "'seed'"
    }

    test("rows and cols go from 2 to 8") {
        for (key in listOf("rows", "cols")) {
            badRequest(opts(key to 1)) shouldContain key
            badRequest(opts(key to 9)) shouldContain key
            badRequest(opts(key to -4)) shouldContain key
            m.table(opts(key to 2)).options[key] shouldBe JsonPrimitive(2)
            m.table(opts(key to 8)).options[key] shouldBe JsonPrimitive(8)
        }
        m.table(opts("rows" to 8, "cols" to 8)).start(m.seats(listOf(ADA)), T0)
            .shouldBeInstanceOf<Step.Next>().emits.only<BoardStarted>().pairs shouldBe 32
    }

    test("a board with an odd number of cards is bad_request saying so") {
        badRequest(opts("rows" to 3, "cols" to 3)) shouldContain "odd"
        badRequest(opts("rows" to 5, "cols" to 7)) shouldContain "odd"
        m.table(opts("rows" to 3, "cols" to 4)).options["rows"] shouldBe JsonPrimitive(3)
        m.table(opts("rows" to 5, "cols" to 2)).options["cols"] shouldBe JsonPrimitive(2)
    }

    test("mode is \"turns\" or \"race\"; anything else is bad_request") {
        m.table(opts("mode" to "turns")).options["mode"] shouldBe JsonPrimitive("turns")
        m.table(opts("mode" to "race")).options["mode"] shouldBe JsonPrimitive("race")
        badRequest(opts("mode" to "solo")) shouldContain "mode"
        badRequest(opts("mode" to "Race")) shouldContain "mode"
        badRequest(opts("mode" to 1)) shouldContain "mode"
    }

    test("turnSeconds goes from 3 to 300 and missMillis from 0 to 10000") {
        badRequest(opts("turnSeconds" to 2)) shouldContain "turnSeconds"
        badRequest(opts("turnSeconds" to 301)) shouldContain "turnSeconds"
        m.table(opts("turnSeconds" to 3)).options["turnSeconds"] shouldBe JsonPrimitive(3)
        m.table(opts("turnSeconds" to 300)).options["turnSeconds"] shouldBe JsonPrimitive(300)
        badRequest(opts("missMillis" to -1)) shouldContain "missMillis"
        badRequest(opts("missMillis" to 10_001)) shouldContain "missMillis"
        m.table(opts("missMillis" to 0)).options["missMillis"] shouldBe JsonPrimitive(0)
        m.table(opts("missMillis" to 10_000)).options["missMillis"] shouldBe JsonPrimitive(10_000)
    }

    test("an option of the wrong type is bad_request naming it") {
        badRequest(opts("rows" to "4")) shouldContain "rows"
        badRequest(opts("cols" to 4.5)) shouldContain "cols"
        badRequest(opts("turnSeconds" to true)) shouldContain "turnSeconds"
        badRequest(opts("missMillis" to JsonArray(emptyList()))) shouldContain "missMillis"
        badRequest(opts("seed" to "42")) shouldContain "seed"
        badRequest(opts("seed" to 1.5)) shouldContain "seed"
        badRequest(opts("seed" to JsonNull)) shouldContain "seed"
    }

    test("an unknown option is bad_request naming it") {
        badRequest(opts("colums" to 4)) shouldContain "colums"
        badRequest(opts("rows" to 2, "questions" to JsonArray(emptyList()))) shouldContain "questions"
    }

    test("hosts and players play, spectators watch") {
        val table = m.table(opts())
        table.plays(Role.HOST).shouldBeTrue()
        table.plays(Role.PLAYER).shouldBeTrue()
        table.plays(Role.SPECTATOR).shouldBeFalse()
    }

    test("a game without players cannot start") {
        m.table(opts()).start(emptyList(), T0).shouldBeInstanceOf<Step.Rejected>().rejection.code shouldBe ErrorCode.WRONG_STATE
    }

    test("the lobby shows the board's size but no cards") {
        val lobby = m.table(m.game(rows = 2, cols = 3)).lobbyView().shouldBeInstanceOf<MemoryView>()
        val board = lobby.board
        board.rows shouldBe 2
        board.cols shouldBe 3
        board.pairs shouldBe 3
        board.matched shouldBe emptyList()
        board.faceUp shouldBe emptyMap()
        board.found shouldBe emptyMap()
        Faces.deal(3, SEED).forEach { lobby.wire().toString() shouldNotContain "\"$it\"" }
    }

    test("starting deals the board from the options and tells everyone") {
        val r = MemoryRun.start(m.game(rows = 2, cols = 3, turnSeconds = 20))
        r.opening shouldContainExactly listOf(Emit(Audience.Everyone, BoardStarted(2, 3, MemoryMode.TURNS, 3, ADA, T0 + 20_000)))
        r.state.settings.deck shouldBe Faces.deal(3, SEED)
    }
})
