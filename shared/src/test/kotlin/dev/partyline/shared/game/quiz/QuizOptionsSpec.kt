package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.wire
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Role
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeFalse
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** `create` options of a quiz: defaults, validation, inline questions, order and what clients see. */
class QuizOptionsSpec : FunSpec({
    val q = QuizFixtures
    val defaultPack = Packs.all.first()

    fun opts(vararg pairs: Pair<String, JsonElement>) = JsonObject(mapOf(*pairs))
    fun n(v: Number) = JsonPrimitive(v)
    fun s(v: String) = JsonPrimitive(v)
    fun inline(size: Int) = List(size) { q.single(text = "Question $it") }

    /** Every question text of [table]'s game, in the order asked. */
    fun order(table: GameTable): List<String> {
        var step = table.start(q.seats(listOf(ADA)), T0).shouldBeInstanceOf<Step.Next>()
        val texts = mutableListOf<String>()
        var now = T0
        while (true) {
            step.emits.mapNotNull { it.message as? QuestionView }.forEach { texts += it.text }
            if (step.play.isOver) return texts
            now += 1_000
            step = step.play.decide(GameInput.Skip, now).shouldBeInstanceOf<Step.Next>()
        }
    }

    fun badRequest(options: JsonObject): String {
        val rejection = q.rejection(options)
        rejection.code shouldBe ErrorCode.BAD_REQUEST
        return rejection.message
    }

    test("no options means the first built-in pack, all of its questions, 20 seconds") {
        val table = q.table(opts())
        table.options["pack"] shouldBe s(defaultPack.id)
        table.options["count"] shouldBe n(defaultPack.questions.size)
        table.options["seconds"] shouldBe n(20)
        table.options["revealSeconds"] shouldBe n(5)
        table.options["shuffle"] shouldBe JsonPrimitive(true)
        table.options["lateJoin"] shouldBe JsonPrimitive(true)
        table.options["hostPlays"] shouldBe JsonPrimitive(false)
        order(table) shouldContainExactlyInAnyOrder defaultPack.questions.map { it.text }
    }

    test("a question without its own seconds gets the room's 20 by default") {
        val view = QuizRun.start(opts("questions" to JsonArray(listOf(q.single()))), listOf(ADA)).opening.only<QuestionView>()
        view.seconds shouldBe 20
        view.deadline shouldBe T0 + 20_000
    }

    test("the host plays only with hostPlays; players always play and spectators never") {
        val show = q.table(opts())
        show.plays(Role.HOST).shouldBeFalse()
        show.plays(Role.PLAYER).shouldBeTrue()
        show.plays(Role.SPECTATOR).shouldBeFalse()
        q.table(opts("hostPlays" to JsonPrimitive(true))).plays(Role.HOST).shouldBeTrue()
    }

    test("an unknown option is bad_request naming it") {
        badRequest(opts("secnds" to n(10))) shouldContain "secnds"
        badRequest(opts("pack" to s("world"), "colour" to s("red"))) shouldContain "colour"
    }

    test("seconds outside 5..120 is bad_request") {
        badRequest(opts("seconds" to n(4))) shouldContain "seconds"
        badRequest(opts("seconds" to n(121))) shouldContain "seconds"
        badRequest(opts("seconds" to n(-20)))
        q.table(opts("seconds" to n(5))).options["seconds"] shouldBe n(5)
        q.table(opts("seconds" to n(120))).options["seconds"] shouldBe n(120)
    }

    test("an option of the wrong type is bad_request") {
        badRequest(opts("seconds" to s("20")))
        badRequest(opts("seconds" to n(20.5)))
        badRequest(opts("shuffle" to s("yes")))
        badRequest(opts("pack" to n(1)))
        badRequest(opts("questions" to s("all")))
        badRequest(opts("seed" to s("42")))
    }

    test("count picks that many questions, within 1..all") {
        order(q.table(opts("count" to n(3)))).size shouldBe 3
        badRequest(opts("count" to n(0)))
        badRequest(opts("count" to n(defaultPack.questions.size + 1)))
        badRequest(opts("questions" to JsonArray(inline(2)), "count" to n(3)))
    }

    test("an unknown pack is bad_request listing the packs") {
        badRequest(opts("pack" to s("trivia"))) shouldContain defaultPack.id
    }

    test("a pack and inline questions together are bad_request") {
        badRequest(opts("pack" to s("world"), "questions" to JsonArray(inline(1))))
    }

    test("inline questions are validated, naming the question at fault") {
        val good = q.single()
        fun bad(question: JsonObject) = badRequest(opts("questions" to JsonArray(listOf(good, question))))
        bad(q.single(answer = 4)) shouldContain "question 2" // counted from 1, as people count
        bad(q.question("single", "Two answers?", listOf("a", "b"), listOf(0, 1), null))
        bad(q.multi(answer = listOf(1, 1)))
        bad(q.multi(answer = emptyList()))
        bad(q.single(choices = listOf("only one"), answer = 0))
        bad(q.single(choices = List(7) { "c$it" }, answer = 0))
        bad(q.single(choices = listOf("a", " "), answer = 0))
        bad(q.question("typed", "No accept", null, null, null))
        bad(q.question("typed", "Blank accept", null, null, listOf("  ")))
        bad(q.question("typed", "Typed with choices", listOf("a", "b"), null, listOf("a")))
        bad(q.question("single", "Single with accept", listOf("a", "b"), listOf(0), listOf("a")))
        bad(q.trueFalse(answer = 0, choices = listOf("Yes", "No", "Maybe")))
        bad(q.single(text = "   "))
        bad(q.single(points = 500)) shouldContain "points"
        bad(q.single(seconds = 3)) shouldContain "seconds"
        bad(q.question("essay", "Unknown kind", null, null, null))
        bad(q.single(text = "Which\u0000?")) shouldContain "control"
        bad(q.single(choices = listOf("a", "b\u202E"), answer = 0)) shouldContain "control"
        bad(q.question("typed", "Say it", null, null, listOf("it\u0007"))) shouldContain "control"
    }

    test("the inline list must hold 1..100 questions") {
        badRequest(opts("questions" to JsonArray(emptyList())))
        badRequest(opts("questions" to JsonArray(inline(101))))
        q.table(opts("questions" to JsonArray(inline(100)))).options["count"] shouldBe n(100)
        badRequest(opts("questions" to JsonArray(listOf(s("what?")))))
    }

    test("a question's own seconds wins over the room's, and the options count the questions that keep their own") {
        val list = JsonArray(listOf(q.single(seconds = 30), q.single(), q.typed(accept = listOf("x"), seconds = 10)))
        val table = q.table(opts("questions" to list, "seconds" to n(5)))
        table.options["seconds"] shouldBe n(5)
        table.options["ownSeconds"] shouldBe n(2)
        var step = table.start(q.seats(listOf(ADA)), T0).shouldBeInstanceOf<Step.Next>()
        val seconds = mutableListOf<Int>()
        var now = T0
        while (!step.play.isOver) {
            step.emits.mapNotNull { it.message as? QuestionView }.forEach { seconds += it.seconds }
            now += 1_000
            step = step.play.decide(GameInput.Skip, now).shouldBeInstanceOf<Step.Next>()
        }
        seconds shouldContainExactly listOf(30, 5, 10)
    }

    test("a truefalse question without choices gets True and False") {
        val view = QuizRun.start(opts("questions" to JsonArray(listOf(q.trueFalse(answer = 0)))), listOf(ADA)).opening.only<QuestionView>()
        view.choices shouldBe listOf("True", "False")
    }

    test("inline texts and choices are trimmed") {
        val question = q.single(text = "  Spaced?  ", choices = listOf(" a ", "b", "c", "d"))
        val view = QuizRun.start(opts("questions" to JsonArray(listOf(question))), listOf(ADA)).opening.only<QuestionView>()
        view.text shouldBe "Spaced?"
        view.choices!!.first() shouldBe "a"
    }

    test("the same seed gives the same order") {
        order(q.table(opts(), seed = 7)) shouldContainExactly order(q.table(opts(), seed = 7))
        order(q.table(opts("seed" to n(99)), seed = 1)) shouldContainExactly order(q.table(opts("seed" to n(99)), seed = 2))
    }

    test("different seeds give different orders of a pack") {
        (1L..5L).map { order(q.table(opts(), seed = it)) }.toSet().size shouldBeGreaterThan 1
    }

    test("a pack is shuffled by default, and kept in order with shuffle false") {
        val original = defaultPack.questions.map { it.text }
        (1L..5L).map { order(q.table(opts(), seed = it)) }.any { it != original }.shouldBeTrue()
        order(q.table(opts("shuffle" to JsonPrimitive(false)), seed = 3)) shouldContainExactly original
    }

    test("an inline list keeps its order by default, and is shuffled with shuffle true") {
        val texts = List(10) { "Question $it" }
        val list = JsonArray(inline(10))
        q.table(opts("questions" to list)).options["shuffle"] shouldBe JsonPrimitive(false)
        (1L..5L).forEach { order(q.table(opts("questions" to list), seed = it)) shouldContainExactly texts }
        (1L..5L).map { order(q.table(opts("questions" to list, "shuffle" to JsonPrimitive(true)), seed = it)) }
            .any { it != texts }.shouldBeTrue()
    }

    test("the options clients see never contain the questions or their answers") {
        val secret = "Zanzibar-7"
        val list = JsonArray(listOf(q.typed(accept = listOf(secret)), q.multi(answer = listOf(1, 3), choices = listOf("w", "x", "y", "z"))))
        val table = q.table(opts("questions" to list, "seed" to n(5)))
        val text = table.options.toString()
        withClue(text) {
            table.options.keys shouldContainExactlyInAnyOrder setOf("pack", "count", "seconds", "ownSeconds", "revealSeconds", "hostPlays", "shuffle", "lateJoin")
            text shouldNotContain "questions"
            text shouldNotContain "answer"
            text shouldNotContain "accept"
            text shouldNotContain secret
        }
        table.options["pack"] shouldBe JsonNull
        table.lobbyView().wire().toString() shouldNotContain secret
    }

    test("the options of a pack quiz name the pack but not its questions") {
        val table = q.table(opts("pack" to s("world")))
        table.options["pack"] shouldBe s("world")
        table.options.toString() shouldNotContain Packs.byId("world")!!.questions.first().text
    }
})
