package dev.partyline.server.examples

import dev.partyline.client.Endpoint
import dev.partyline.client.PartylineClient
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.QuestionKind
import dev.partyline.shared.game.quiz.QuestionView
import dev.partyline.shared.protocol.CoreClientMessages.Join
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.GameOver
import kotlinx.coroutines.flow.filterIsInstance
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.runBlocking
import kotlin.random.Random

/** Joins quiz room [room] on [host]:[port] as a bot, answers every question at random, and returns the final standings. */
suspend fun playQuiz(host: String, port: Int, room: String, name: String = "kotlin-bot"): List<String> =
    PartylineClient.connect(Endpoint.Tcp(host, port)).use { client ->
        client.hello(name, bot = true)
        val joined = client.request(Join(room)).message
        if (joined is ErrorMessage) error("join refused: ${joined.code}")
        val gameOver = client.events.map { it.message }
            .onEach { if (it is QuestionView) client.send(answer(it)) }
            .filterIsInstance<GameOver>()
            .first()
        gameOver.leaderboard.map { "${it.rank}. ${it.name} ${it.score}" }
    }

/** A guess: the server never sends the answer before the reveal. */
private fun answer(question: QuestionView): Answer {
    val choices = question.choices.orEmpty().indices.shuffled()
    return when (question.kind) {
        QuestionKind.MULTI -> Answer(question.index, choices = choices.take(Random.nextInt(1, choices.size + 1)))
        QuestionKind.TYPED -> Answer(question.index, text = question.text.split(" ").random())
        else -> Answer(question.index, choice = choices.first())
    }
}

/** `MinimalQuizBotKt HOST PORT ROOM`: plays one quiz and prints the standings. */
fun main(args: Array<String>) = runBlocking {
    playQuiz(args[0], args[1].toInt(), args[2]).forEach(::println)
}
