package dev.partyline.server.http.api.transfer

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject

/**
 * The downloadable template (`GET /api/quizzes/template.xlsx`): the header and four example
 * questions of the four kinds, written by [SheetWriter] with the kind column left empty, as a
 * host would leave it, and a second sheet "How to" that explains each column.
 */
object QuizTemplate {
    const val FILE_NAME = "partyline-quiz-template.xlsx"

    private val EXAMPLES = Json.parseToJsonElement(
        """[
        {"kind":"single","text":"Which planet is known as the Red Planet?","choices":["Venus","Mars","Jupiter","Saturn"],"answer":[1],"seconds":20},
        {"kind":"multi","text":"Which of these are prime numbers?","choices":["2","4","7","9"],"answer":[0,2],"seconds":30,"points":2000},
        {"kind":"truefalse","text":"The Great Wall of China can be seen from the Moon with the naked eye.","answer":[1],"explanation":"It is far too narrow to be seen from that far."},
        {"kind":"typed","text":"What is the chemical symbol for gold?","accept":["Au"],"seconds":15}
        ]""",
    ).jsonArray

    private val HOW_TO = listOf(
        listOf("Column", "What goes there"),
        listOf("A Question", "The question, 1 to 500 characters. One question a row; empty rows are skipped; the header row is optional."),
        listOf("B-G Answer 1-6", "Two to six answers of up to 120 characters each. A typed question puts its accepted answers here instead (several in one cell: one a line)."),
        listOf("H Time limit (sec)", "Seconds to answer, 5 to 120; empty for the room's setting."),
        listOf("I Correct answer(s)", "The number of the correct answer, 1 to 6, or several for a multi question, such as 1,3. For a typed question: typed."),
        listOf("J Points", "Optional: 1000 (empty means 1000), 2000 for double points, or 0."),
        listOf("K Explanation", "Optional: shown after the answer is revealed, up to 500 characters."),
        listOf("L Image", "Optional: the id of an image uploaded to this server."),
        listOf("M Kind", "Optional: single, multi, truefalse or typed. Left empty, the row says: several correct numbers make a multi question, the answers True and False a truefalse one, typed in I a typed one, else single."),
        listOf("Title", "A spreadsheet has no title: the quiz takes the sheet's name, or the title given with the import."),
    )

    val bytes: ByteArray by lazy {
        val rows = SheetWriter.rows(JsonArray(EXAMPLES.map { it.jsonObject })).mapIndexed { i, row ->
            if (i == 0) row else row.toMutableList().also { it[SheetColumn.M.index] = "" }
        }
        QuizXlsx.write("Quiz", rows, mapOf("How to" to HOW_TO))
    }
}
