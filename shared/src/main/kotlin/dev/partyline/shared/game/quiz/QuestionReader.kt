package dev.partyline.shared.game.quiz

import dev.partyline.shared.protocol.PlainText
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.longOrNull

/**
 * One thing wrong with questions as written: the [question] (counted from 1; null when the list
 * as a whole is wrong), the [field] at fault (null when the question as a whole is), and a
 * [message] for people saying what was expected and what came instead.
 */
data class QuestionProblem(val question: Int?, val field: String?, val message: String) {
    override fun toString() = if (question == null) message else "question $question: $message"
}

/** What reading a list of questions gave: the questions, or every problem found in them. */
sealed interface QuestionsRead {
    data class Read(val questions: List<Question>) : QuestionsRead
    data class Refused(val problems: List<QuestionProblem>) : QuestionsRead {
        /** The first problem, and how many more there are: one sentence for an error message. */
        val summary: String
            get() = problems.first().toString() + if (problems.size > 1) " (and ${problems.size - 1} more)" else ""
    }
}

/**
 * Reads quiz questions written as JSON — a room's inline `questions`, a built-in pack, and
 * whatever else hands the server questions — and says exactly what is wrong with them. Each
 * field is checked for its type, range and kind of question; a field no question has is
 * refused, so a typo such as `answr` is never dropped in silence. Texts, choices and an
 * explanation are trimmed;
 * a truefalse question without choices gets True and False.
 */
object QuestionReader {
    /** The fields a question may have: what a room's inline questions, a pack's and a saved quiz's hold. */
    val FIELDS = listOf("kind", "text", "choices", "answer", "accept", "seconds", "points", "image", "explanation")

    /** Reads [list], which must hold 1..[max] questions. */
    fun readAll(list: JsonElement, max: Int): QuestionsRead {
        if (list !is JsonArray || list.isEmpty() || list.size > max) {
            return QuestionsRead.Refused(listOf(QuestionProblem(null, "questions", "'questions' must be a list of 1 to $max questions; got ${describe(list)}")))
        }
        val questions = ArrayList<Question>(list.size)
        val problems = ArrayList<QuestionProblem>()
        list.forEachIndexed { i, element ->
            val one = QuestionCheck(i + 1, element)
            one.question?.let(questions::add)
            problems += one.problems
        }
        return if (problems.isEmpty()) QuestionsRead.Read(questions) else QuestionsRead.Refused(problems)
    }

    /** How a value that came is named in a message: a short quote of a text, a number as it is, the shape of the rest. */
    internal fun describe(value: JsonElement?): String = when {
        value == null -> "nothing"
        value is JsonNull -> "null"
        value is JsonPrimitive && value.isString -> when {
            !PlainText.isClean(value.content) -> "a text with control characters"
            value.content.length > QUOTE -> "\"${value.content.take(QUOTE)}…\""
            else -> "\"${value.content}\""
        }
        value is JsonPrimitive -> value.content.take(QUOTE)
        value is JsonArray -> if (value.isEmpty()) "an empty list" else "a list of ${value.size}"
        else -> "an object"
    }

    private const val QUOTE = 40
}

/** One question read from [element]: the [question] if it is sound, and the [problems] found. */
private class QuestionCheck(private val number: Int, element: JsonElement) {
    val problems = ArrayList<QuestionProblem>()
    val question: Question?

    init {
        question = if (element is JsonObject) read(element) else {
            problems += QuestionProblem(number, null, "must be an object such as {\"kind\":\"single\",\"text\":\"…\",\"choices\":[\"…\",\"…\"],\"answer\":[0]}; got ${QuestionReader.describe(element)}")
            null
        }
    }

    private fun bad(field: String, message: String): Nothing? {
        problems += QuestionProblem(number, field, "'$field' $message")
        return null
    }

    private fun read(fields: JsonObject): Question? {
        for (key in fields.keys - QuestionReader.FIELDS.toSet()) {
            val hint = FieldHints.closest(key)?.let { " (did you mean '$it'?)" } ?: ""
            bad(key, "is not a field of a question$hint: expected only ${QuestionReader.FIELDS.joinToString()}")
        }
        val kind = kind(fields["kind"])
        val text = text(fields["text"])
        val seconds = seconds(fields["seconds"])
        val points = points(fields["points"])
        val image = image(fields["image"])
        val explanation = explanation(fields["explanation"])
        var choices = emptyList<String>()
        var answer = emptyList<Int>()
        var accept = emptyList<String>()
        when (kind) {
            null -> Unit
            QuestionKind.TYPED -> {
                absent(fields, "choices", "a typed question has no choices: players type, and 'accept' lists what counts as right")
                absent(fields, "answer", "a typed question has no 'answer': 'accept' lists the texts that count as right")
                accept = accept(fields["accept"]) ?: emptyList()
            }
            else -> {
                absent(fields, "accept", "only a typed question has 'accept'; a ${kind.wire} question marks its right choices in 'answer'")
                choices = choices(kind, fields["choices"]) ?: return null
                answer = answer(kind, fields["answer"], choices.size) ?: return null
            }
        }
        if (problems.isNotEmpty() || kind == null || text == null) return null
        return Question(kind, text, choices, answer, accept, seconds, points ?: DEFAULT_POINTS, image, explanation)
    }

    private fun absent(fields: JsonObject, field: String, why: String) {
        val value = fields[field] ?: return
        if (value is JsonNull || (value is JsonArray && value.isEmpty())) return
        bad(field, "must be left out: $why; got ${QuestionReader.describe(value)}")
    }

    private fun kind(value: JsonElement?): QuestionKind? {
        val kinds = QuestionKind.entries.joinToString { it.wire }
        val wire = string(value) ?: return bad("kind", "must be one of $kinds; got ${QuestionReader.describe(value)}")
        return QuestionKind.entries.firstOrNull { it.wire == wire } ?: bad("kind", "must be one of $kinds; got ${QuestionReader.describe(value)}")
    }

    private fun text(value: JsonElement?): String? {
        val text = string(value)?.trim() ?: return bad("text", "must be the question as a text of 1 to ${Question.MAX_TEXT} characters; got ${QuestionReader.describe(value)}")
        if (text.isEmpty() || text.length > Question.MAX_TEXT) return bad("text", "must be 1 to ${Question.MAX_TEXT} characters; got ${text.length}")
        if (!PlainText.isClean(text)) return bad("text", "must be plain text; got a text with control or bidirectional characters")
        return text
    }

    private fun image(value: JsonElement?): String? {
        if (value == null) return null
        return string(value)?.takeIf { it.matches(Question.IMAGE_ID) }
            ?: bad("image", "must be an image id, as POST /api/images gives it (22 letters, digits, '-' or '_'), or left out; got ${QuestionReader.describe(value)}")
    }

    private fun explanation(value: JsonElement?): String? {
        if (value == null) return null
        val max = Question.MAX_EXPLANATION
        val text = string(value)?.trim() ?: return bad("explanation", "must be a text of at most $max characters shown after the reveal, or left out; got ${QuestionReader.describe(value)}")
        if (text.length > max) return bad("explanation", "must be at most $max characters; got ${text.length}")
        if (!PlainText.isClean(text)) return bad("explanation", "must be plain text; got a text with control or bidirectional characters")
        return text.ifEmpty { null }
    }

    private fun seconds(value: JsonElement?): Int? {
        if (value == null || value is JsonNull) return null
        val range = Question.SECONDS
        val n = whole(value)?.takeIf { it in range.first..range.last }
            ?: return bad("seconds", "must be a whole number of seconds from ${range.first} to ${range.last}, or left out for the room's; got ${QuestionReader.describe(value)}")
        return n.toInt()
    }

    private fun points(value: JsonElement?): Int? {
        if (value == null) return null
        val allowed = Question.ALLOWED_POINTS.sorted()
        val n = whole(value)?.takeIf { it.toInt().toLong() == it && it.toInt() in allowed }
            ?: return bad("points", "must be one of ${allowed.joinToString()}; got ${QuestionReader.describe(value)}")
        return n.toInt()
    }

    private fun choices(kind: QuestionKind, value: JsonElement?): List<String>? {
        if (kind == QuestionKind.TRUEFALSE && (value == null || value is JsonNull)) return TRUE_FALSE
        val range = if (kind == QuestionKind.TRUEFALSE) 2..2 else 2..Question.MAX_CHOICES
        val count = if (range.first == range.last) "${range.first}" else "${range.first} to ${range.last}"
        val list = texts(value)?.takeIf { it.size in range }
            ?: return bad("choices", "must be a list of $count texts for a ${kind.wire} question; got ${QuestionReader.describe(value)}")
        list.forEachIndexed { i, choice ->
            if (choice.isEmpty() || choice.length > Question.MAX_CHOICE) return bad("choices", "must each be 1 to ${Question.MAX_CHOICE} characters; choice $i has ${choice.length}")
            if (!PlainText.isClean(choice)) return bad("choices", "must be plain text; choice $i has control or bidirectional characters")
        }
        return list
    }

    private fun answer(kind: QuestionKind, value: JsonElement?, choices: Int): List<Int>? {
        val one = kind != QuestionKind.MULTI
        val shape = if (one) "a list of one choice number, such as [0] for the first choice" else "a list of one or more choice numbers, such as [0, 2]"
        val list = (value as? JsonArray)?.takeIf { it.isNotEmpty() }
            ?: return bad("answer", "must be $shape; got ${QuestionReader.describe(value)}")
        if (one && list.size != 1) return bad("answer", "must hold exactly one choice number for a ${kind.wire} question; got ${list.size}")
        val numbers = list.map { item ->
            whole(item)?.takeIf { it in 0 until choices }?.toInt()
                ?: return bad("answer", "must hold choice numbers from 0 to ${choices - 1} (counted from 0); got ${QuestionReader.describe(item)}")
        }
        if (numbers.toSet().size != numbers.size) return bad("answer", "must not name a choice twice; got ${numbers.joinToString(", ", "[", "]")}")
        return numbers
    }

    private fun accept(value: JsonElement?): List<String>? {
        val list = texts(value)?.takeIf { it.isNotEmpty() }
            ?: return bad("accept", "must be a list of one or more texts that count as right, such as [\"Paris\"]; got ${QuestionReader.describe(value)}")
        if (list.any { TypedAnswer.normalize(it).isEmpty() }) return bad("accept", "must not hold an empty text")
        if (!list.all(PlainText::isClean)) return bad("accept", "must be plain text; got a text with control or bidirectional characters")
        return list
    }

    private fun string(value: JsonElement?): String? = (value as? JsonPrimitive)?.takeIf { it.isString }?.content

    /** The texts of a list of texts, trimmed; null if [value] is anything else. */
    private fun texts(value: JsonElement?): List<String>? =
        (value as? JsonArray)?.map { string(it)?.trim() ?: return null }

    private fun whole(value: JsonElement): Long? = (value as? JsonPrimitive)?.takeIf { !it.isString }?.longOrNull

    private companion object {
        const val DEFAULT_POINTS = 1000
        val TRUE_FALSE = listOf("True", "False")
    }
}

/** The field a mistyped or misremembered one most likely meant. */
private object FieldHints {
    private val synonyms = mapOf(
        "type" to "kind", "question" to "text", "title" to "text", "prompt" to "text", "options" to "choices",
        "answers" to "answer", "correct" to "answer", "accepted" to "accept", "time" to "seconds", "duration" to "seconds",
        "timer" to "seconds", "score" to "points", "picture" to "image", "img" to "image", "explain" to "explanation",
        "why" to "explanation",
    )

    fun closest(key: String): String? {
        val lower = key.lowercase()
        synonyms[lower]?.let { return it }
        return QuestionReader.FIELDS.map { it to distance(lower, it) }.filter { it.second <= 2 }.minByOrNull { it.second }?.first
    }

    /** The edit distance between [a] and [b]. */
    private fun distance(a: String, b: String): Int {
        var previous = IntArray(b.length + 1) { it }
        for (i in a.indices) {
            val current = IntArray(b.length + 1)
            current[0] = i + 1
            for (j in b.indices) {
                current[j + 1] = minOf(previous[j + 1] + 1, current[j] + 1, previous[j] + if (a[i] == b[j]) 0 else 1)
            }
            previous = current
        }
        return previous[b.length]
    }
}
