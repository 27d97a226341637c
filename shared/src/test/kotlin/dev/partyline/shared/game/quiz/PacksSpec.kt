package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Setup
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldBeUnique
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeBlank
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

class PacksSpec : FunSpec({
    test("there are at least three built-in packs") {
        Packs.all.size shouldBeGreaterThanOrEqual 3
    }

    test("the built-in packs include networks, which is the default") {
        Packs.all.map { it.id } shouldContain "networks"
        Packs.all.first().id shouldBe "networks"
    }

    test("pack ids are unique and every pack is found by its id") {
        Packs.all.map { it.id }.shouldBeUnique()
        Packs.all.forEach { Packs.byId(it.id) shouldBe it }
        Packs.byId("no-such-pack") shouldBe null
    }

    test("every pack has a title, a description and at least 15 questions") {
        Packs.all.forEach { pack ->
            withClue(pack.id) {
                pack.title.shouldNotBeBlank()
                pack.description.shouldNotBeBlank()
                pack.questions.size shouldBeGreaterThanOrEqual 15
                pack.summary.questions shouldBe pack.questions.size
            }
        }
    }

    test("every pack uses every kind of question") {
        Packs.all.forEach { pack ->
            withClue(pack.id) { pack.questions.map { it.kind }.toSet() shouldContainAll QuestionKind.entries }
        }
    }

    test("every question of every pack reads without a problem") {
        Packs.all.map { it.id } shouldContainExactly listOf("networks", "world", "science") // a pack with any problem fails to load
    }

    test("no pack asks the same question twice") {
        Packs.all.forEach { pack -> withClue(pack.id) { pack.questions.map { it.text }.shouldBeUnique() } }
    }

    test("every pack can be chosen for a quiz and started") {
        Packs.all.forEach { pack ->
            val table = QuizGame.setup(JsonObject(mapOf("pack" to JsonPrimitive(pack.id))), 1L).shouldBeInstanceOf<Setup.Ready>().table
            table.options["pack"] shouldBe JsonPrimitive(pack.id)
            table.options["count"] shouldBe JsonPrimitive(pack.questions.size)
            QuizRun.start(JsonObject(mapOf("pack" to JsonPrimitive(pack.id))), listOf(ADA))
                .opening.only<QuestionView>().count shouldBe pack.questions.size
        }
    }
})
