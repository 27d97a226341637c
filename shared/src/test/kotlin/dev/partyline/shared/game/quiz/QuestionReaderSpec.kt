package dev.partyline.shared.game.quiz

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.Json

/** [QuestionReader]: sound questions are read as written; every problem of unsound ones is found and named. */
class QuestionReaderSpec : FunSpec({
    fun read(json: String, max: Int = 100) = QuestionReader.readAll(Json.parseToJsonElement(json), max)
    fun problems(json: String) = read(json).shouldBeInstanceOf<QuestionsRead.Refused>().problems

    test("a sound list is read with texts trimmed, defaults filled in and a truefalse given True and False") {
        val read = read(
            """[{"kind":"single","text":" Pick b ","choices":[" a ","b"],"answer":[1],"seconds":30,"points":2000},
               {"kind":"truefalse","text":"Sky is blue","answer":[0]},
               {"kind":"typed","text":"Capital of France?","accept":["Paris"],"seconds":null}]""",
        ).shouldBeInstanceOf<QuestionsRead.Read>()
        read.questions shouldContainExactly listOf(
            Question(QuestionKind.SINGLE, "Pick b", listOf("a", "b"), listOf(1), seconds = 30, points = 2000),
            Question(QuestionKind.TRUEFALSE, "Sky is blue", listOf("True", "False"), listOf(0)),
            Question(QuestionKind.TYPED, "Capital of France?", accept = listOf("Paris")),
        )
    }

    test("every problem of every question is found, each naming its question and field") {
        val found = problems(
            """[{"kind":"single","text":"ok","choices":["a","b"],"answer":[1]},
               {"kind":"single","text":"","choices":["a","b"],"answer":[1],"points":7},
               {"kind":"nope","text":"x","answr":[0]}]""",
        )
        found.map { it.question to it.field } shouldContainExactly listOf(2 to "text", 2 to "points", 3 to "answr", 3 to "kind")
        read("""[{"kind":"nope","text":"x"},{"kind":"nope","text":"y"}]""").shouldBeInstanceOf<QuestionsRead.Refused>()
            .summary shouldBe "question 1: 'kind' must be one of single, multi, truefalse, typed; got \"nope\" (and 1 more)"
    }

    test("a misremembered field gets the one it most likely meant") {
        fun hint(field: String) = problems("""[{"kind":"typed","text":"x","accept":["y"],"$field":1}]""").single().message
        hint("type") shouldContain "did you mean 'kind'"
        hint("answers") shouldContain "did you mean 'answer'"
        hint("secnds") shouldContain "did you mean 'seconds'"
        hint("picture") shouldContain "did you mean 'image'"
        hint("explain") shouldContain "did you mean 'explanation'"
        hint("colour") shouldBe "'colour' is not a field of a question: expected only kind, text, choices, answer, accept, seconds, points, image, explanation"
    }

    test("the list itself must be a list of 1 to max questions, each an object") {
        for (list in listOf("[]", "{}", "\"questions\"")) problems(list).single().toString() shouldBe "'questions' must be a list of 1 to 100 questions; got ${QuestionReader.describe(Json.parseToJsonElement(list))}"
        problems("[1,2,3]").map { it.toString().substringBefore(" such as") } shouldContainExactly (1..3).map { "question $it: must be an object" }
        read("""[{"kind":"typed","text":"a","accept":["b"]}]""", max = 1).shouldBeInstanceOf<QuestionsRead.Read>()
        read("""[{"kind":"typed","text":"a","accept":["b"]},{"kind":"typed","text":"c","accept":["d"]}]""", max = 1).shouldBeInstanceOf<QuestionsRead.Refused>()
    }

    test("what came is shown short and plain: a long text is cut, a text with control characters is not echoed") {
        val long = "y".repeat(300)
        problems("""[{"kind":"$long","text":"x"}]""").first().message shouldContain "got \"${"y".repeat(40)}…\""
        problems("""[{"kind":"a\u202Eb","text":"x"}]""").first().message shouldContain "got a text with control characters"
    }

    test("a question may carry an image id and an explanation, trimmed; a blank explanation is none") {
        val read = read(
            """[{"kind":"typed","text":"Capital of Japan?","accept":["Tokyo"],"image":"${QuizFixtures.IMAGE}","explanation":"  Since 1868.  "},
               {"kind":"truefalse","text":"Sky is blue","answer":[0],"explanation":"  "}]""",
        ).shouldBeInstanceOf<QuestionsRead.Read>()
        read.questions shouldContainExactly listOf(
            Question(QuestionKind.TYPED, "Capital of Japan?", accept = listOf("Tokyo"), image = QuizFixtures.IMAGE, explanation = "Since 1868."),
            Question(QuestionKind.TRUEFALSE, "Sky is blue", listOf("True", "False"), listOf(0)),
        )
        read.questions.first().imageUrl shouldBe "/api/images/${QuizFixtures.IMAGE}"
        read.questions.last().imageUrl shouldBe null
    }

    test("an image must be an image id and an explanation plain text of at most MAX_EXPLANATION characters") {
        fun problem(field: String, value: String) = problems("""[{"kind":"typed","text":"x","accept":["y"],"$field":$value}]""").single()
        for (bad in listOf("\"../secret\"", "\"short\"", "\"${QuizFixtures.IMAGE}x\"", "7", "null", "[]")) {
            problem("image", bad).let { it.field to it.message.substringBefore(",") } shouldBe ("image" to "'image' must be an image id")
        }
        problem("explanation", "\"${"z".repeat(Question.MAX_EXPLANATION + 1)}\"").message shouldBe
            "'explanation' must be at most ${Question.MAX_EXPLANATION} characters; got ${Question.MAX_EXPLANATION + 1}"
        problem("explanation", "\"a\\u202Eb\"").message shouldContain "must be plain text"
        problem("explanation", "42").field shouldBe "explanation"
        read("""[{"kind":"typed","text":"x","accept":["y"],"explanation":"${"z".repeat(Question.MAX_EXPLANATION)}"}]""").shouldBeInstanceOf<QuestionsRead.Read>()
    }
})
