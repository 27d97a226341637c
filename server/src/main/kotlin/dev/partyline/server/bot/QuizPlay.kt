package dev.partyline.server.bot

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray
import kotlin.random.Random

/** A bot's quiz: answers every open question once, after thinking, with a [QuizGuess]. */
internal class QuizPlay(private val guess: QuizGuess, private val random: Random) : BotGame {
    private var open: QuizQuestion? = null
    private var answeredIndex = -1
    private var paused = false
    private var planned: QuizAnswer? = null

    /** Answers the server took (`answer_ack`). */
    var acknowledged = 0
        private set

    override fun apply(message: JsonObject) {
        when (message.type) {
            "room" -> {
                paused = message.bool("paused")
                open = message.obj("question")?.let(::question)
                if (message.bool("answered")) open?.let { answeredIndex = it.index }
            }
            "question" -> open = question(message)
            "reveal", "game_over" -> open = null
            "paused" -> paused = true
            "resumed" -> paused = false
            "answer_ack" -> acknowledged++
        }
    }

    override fun canMove(): Boolean = open.let { it != null && it.index != answeredIndex && !paused }

    override fun thinkMillis(): Long = guess.answer(open!!, random).also { planned = it }.delayMillis

    override fun move(): String? {
        val question = open ?: return null
        val answer = planned?.takeIf { it.index == question.index } ?: guess.answer(question, random)
        planned = null
        answeredIndex = question.index
        return buildJsonObject {
            put("type", "answer")
            put("index", answer.index)
            answer.choice?.let { put("choice", it) }
            answer.choices?.let { list -> putJsonArray("choices") { list.forEach { add(kotlinx.serialization.json.JsonPrimitive(it)) } } }
            answer.text?.let { put("text", it) }
            put("id", "q${answer.index}")
        }.toString()
    }

    private fun question(message: JsonObject): QuizQuestion? {
        val index = message.int("index") ?: return null
        return QuizQuestion(
            index = index,
            kind = message.string("kind") ?: "single",
            text = message.string("text").orEmpty(),
            choices = (message["choices"] as? JsonArray)?.size ?: 0,
            seconds = message.int("seconds") ?: DEFAULT_SECONDS,
        )
    }

    private companion object {
        const val DEFAULT_SECONDS = 20
    }
}
