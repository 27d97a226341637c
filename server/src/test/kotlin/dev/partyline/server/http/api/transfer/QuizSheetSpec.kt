@file:OptIn(io.kotest.common.ExperimentalKotest::class)

package dev.partyline.server.http.api.transfer

import dev.partyline.server.http.api.ApiError
import dev.partyline.server.http.api.QuizDocument
import dev.partyline.server.http.api.QuizImport
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.RandomSource
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.arbitrary.list
import io.kotest.property.checkAll
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/** The sheet layout both ways: rows to questions and back, in CSV and XLSX, and every bad cell named by line and column. */
class QuizSheetSpec : FunSpec({
    test("any quiz written as CSV reads back to the very same questions") {
        checkAll(PropTestConfig(seed = 20_261_206L, iterations = 300), quizzes) { questions ->
            val document = QuizDocument.check(document(questions))
            withClue("the generator makes only valid quizzes: $document") { document.shouldBeInstanceOf<QuizDocument.Checked.Valid>() }
            val read = SheetReader.read(QuizCsv.read(QuizCsv.write(SheetWriter.rows(questions))))
            read.problems shouldBe emptyList()
            JsonArray(read.questions) shouldBe questions
        }
    }

    test("any quiz written as XLSX reads back to the very same questions") {
        checkAll(PropTestConfig(seed = 20_261_207L, iterations = 100), quizzes) { questions ->
            val file = QuizXlsx.read(QuizXlsx.write("Round trip", SheetWriter.rows(questions)))
            file.name shouldBe "Round trip"
            val read = SheetReader.read(file.rows)
            read.problems shouldBe emptyList()
            JsonArray(read.questions) shouldBe questions
            read.lines shouldBe (2..questions.size + 1).toList()
        }
    }

    test("the well-known layout reads with a header or without, the kind taken from the row") {
        val body = """
            Which port is HTTP?,21,80,443,,,,20,2
            Which are prime?,2,4,7,,,,,"1,3"
            The sky is green.,TRUE,FALSE,,,,,,2
            Capital of Japan?,Tokyo,,,,,,,typed
        """.trimIndent()
        val header = "Question,Answer 1,Answer 2,Answer 3,Answer 4,Answer 5,Answer 6,Time limit (sec),Correct answer(s)\n"
        for (csv in listOf(body, header + body)) {
            val read = SheetReader.read(QuizCsv.read(csv.toByteArray()))
            read.problems shouldBe emptyList()
            read.questions.map { it.getValue("kind").jsonPrimitive.content } shouldBe listOf("single", "multi", "truefalse", "typed")
            read.questions[0] shouldBe question("""{"kind":"single","text":"Which port is HTTP?","choices":["21","80","443"],"answer":[1],"seconds":20}""")
            read.questions[1].getValue("answer") shouldBe JsonArray(listOf(JsonPrimitive(0), JsonPrimitive(2)))
            read.questions[3] shouldBe question("""{"kind":"typed","text":"Capital of Japan?","accept":["Tokyo"]}""")
            read.lines.first() shouldBe if (csv == body) 1 else 2
        }
    }

    test("a byte-order mark, semicolons and empty lines are taken; lines keep their numbers") {
        val csv = "\uFEFFQuestion;Answer 1;Answer 2;Answer 3;Answer 4;Answer 5;Answer 6;Time limit (sec);Correct answer(s)\n\n" +
            "Two plus two?;3;4;;;;;10;2\n"
        val read = SheetReader.read(QuizCsv.read(csv.toByteArray()))
        read.questions.single().getValue("choices") shouldBe JsonArray(listOf(JsonPrimitive("3"), JsonPrimitive("4")))
        read.lines shouldBe listOf(3)
    }

    test("every bad row is named at once, by line and column") {
        val csv = """
            Question,Answer 1,Answer 2,Answer 3,Answer 4,Answer 5,Answer 6,Time limit (sec),Correct answer(s),Points
            Fine?,yes,no,,,,,20,1
            Bad answer number?,a,b,,,,,20,5
            Bad time?,a,b,,,,,soon,1
            ,a,b,,,,,,1
            Too slow?,a,b,,,,,500,1
            Odd points?,a,b,,,,,,1,1500
            No answer?,a,b,,,,,,
        """.trimIndent()
        val error = shouldThrow<ApiError> { QuizImport.fromCsv(csv.toByteArray(), null) }
        error.code shouldBe "bad_request"
        val lines = error.lines!!
        lines.map { it.line to it.column } shouldBe listOf(3 to "I", 4 to "H", 5 to "A", 6 to "H", 7 to "J", 8 to "I")
        lines[0].message shouldBe "line 3, column I: the correct answer 5 names an empty answer (column F is empty)"
        lines[3].message shouldContain "line 6, column H (Time limit (sec)): 'seconds' must be a whole number of seconds from 5 to 120"
        error.message shouldBe lines[0].message + " (and 5 more: see 'lines')"
    }

    test("a file that is no sheet gets one plain message") {
        val messages = listOf(
            QuizCsv::read to "".toByteArray(),
            QuizCsv::read to byteArrayOf(0xC3.toByte(), 0x28),
            QuizCsv::read to "\"open quote,1,2".toByteArray(),
            { bytes: ByteArray -> QuizXlsx.read(bytes).rows } to "not a zip".toByteArray(),
            QuizCsv::read to (1..102).joinToString("\n") { "Q$it,a,b,,,,,,1" }.toByteArray(),
        ).map { (read, bytes) -> shouldThrow<SheetRefused> { read(bytes) }.message }
        messages shouldBe listOf(
            "the file is empty", "the file is not UTF-8 text; save the CSV as \"CSV UTF-8\"", messages[2], "the file is not an .xlsx workbook",
            "the file has more than 100 questions; a quiz has at most 100",
        )
        messages[2]!! shouldContain "the file is not CSV"
    }

    test("a cell that a spreadsheet would run as a formula is written as text and read back as it was") {
        val risky = listOf("=1+1", "+33 1 23", "-5 degrees", "@SUM(A1)", "'=quoted", "'tis the season")
        val questions = JsonArray(listOf(question("""{"kind":"single","text":"=HYPERLINK(\"x\")","choices":${JsonArray(risky.map(::JsonPrimitive))},"answer":[0]}""")))
        val csv = QuizCsv.write(SheetWriter.rows(questions)).decodeToString()
        csv shouldContain "'=HYPERLINK"
        csv shouldContain "'+33 1 23,'-5 degrees,'@SUM(A1),''=quoted,'tis the season"
        JsonArray(SheetReader.read(QuizCsv.read(csv.toByteArray())).questions) shouldBe questions
    }

    test("the template holds the four kinds and imports as a valid quiz titled by its sheet") {
        val file = QuizXlsx.read(QuizTemplate.bytes)
        val (facts, document) = QuizImport.fromXlsx(QuizTemplate.bytes, null)
        facts.title shouldBe "Quiz"
        file.rows.first().cells shouldBe SheetWriter.HEADER
        document.getValue("questions").jsonArray.map { it.jsonObject.getValue("kind").jsonPrimitive.content } shouldBe listOf("single", "multi", "truefalse", "typed")
    }
})

private fun question(json: String): JsonObject = kotlinx.serialization.json.Json.parseToJsonElement(json).jsonObject

private fun document(questions: JsonArray) = buildJsonObject {
    put("title", JsonPrimitive("Generated"))
    put("questions", questions)
}

private const val CHARS = "abcdefghijklmnopqrstuvwxyz ABC 0123456789 ,;\"'=+-@é日本?!"

private fun RandomSource.text(max: Int = 30): String {
    val text = (0 until random.nextInt(1, max)).map { CHARS[random.nextInt(CHARS.length)] }.joinToString("").trim()
    return text.ifEmpty { "x" }
}

private fun RandomSource.texts(count: Int) = JsonArray(List(count) { JsonPrimitive(text(20)) })

/** A valid question of any kind, written as [SheetReader] writes one: truefalse choices left out when they are True and False. */
private val questionArb = arbitrary { rs ->
    val r = rs.random
    buildJsonObject {
        val kind = listOf("single", "multi", "truefalse", "typed")[r.nextInt(4)]
        put("kind", JsonPrimitive(kind))
        put("text", JsonPrimitive(rs.text(60)))
        when (kind) {
            "typed" -> put("accept", rs.texts(r.nextInt(1, 10)))
            "truefalse" -> {
                if (r.nextBoolean()) put("choices", JsonArray(listOf(JsonPrimitive("Yes"), JsonPrimitive("No"))))
                put("answer", JsonArray(listOf(JsonPrimitive(r.nextInt(2)))))
            }
            else -> {
                val count = r.nextInt(2, 7)
                put("choices", rs.texts(count))
                val correct = if (kind == "single") listOf(r.nextInt(count)) else (0 until count).shuffled(r).take(r.nextInt(1, count + 1))
                put("answer", JsonArray(correct.map(::JsonPrimitive)))
            }
        }
        if (r.nextBoolean()) put("seconds", JsonPrimitive(r.nextInt(5, 121)))
        if (r.nextBoolean()) put("points", JsonPrimitive(listOf(0, 1000, 2000)[r.nextInt(3)]))
        if (r.nextInt(3) == 0) put("explanation", JsonPrimitive(rs.text(80)))
        if (r.nextInt(4) == 0) put("image", JsonPrimitive((1..22).map { "AZaz09_-"[r.nextInt(8)] }.joinToString("")))
    }
}

private val quizzes: Arb<JsonArray> = Arb.list(questionArb, 1..12).let { list -> arbitrary { rs -> JsonArray(list.sample(rs).value) } }
