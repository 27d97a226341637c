package dev.partyline.server.results

import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.QuestionKind
import dev.partyline.shared.game.quiz.QuizState
import dev.partyline.shared.game.replay.ReplayStep
import dev.partyline.shared.protocol.PlayerId

/** Gathers a quiz's questions from its replay: each reveal with every player's answer, time, points and correctness. */
internal class QuizTally {
    private val typed = HashMap<Pair<Int, PlayerId>, String>()
    val questions = ArrayList<QuestionResult>()

    fun see(step: ReplayStep) {
        val after = step.after as? QuizState ?: return
        val move = (step.input as? GameInput.Move)?.takeIf { (step.before as? QuizState)?.answers?.containsKey(it.player) == false }
        val answer = move?.move as? Answer
        if (answer?.text != null) typed[answer.index to move.player] = answer.text!!
        val reveal = after.lastReveal
        if (reveal != null && reveal !== (step.before as? QuizState)?.lastReveal) questions += revealed(after, reveal.index)
    }

    private fun revealed(state: QuizState, index: Int): QuestionResult {
        val question = state.settings.questions[index]
        val reveal = state.lastReveal!!
        val answers = reveal.results.map { result ->
            val submitted = state.answers[result.player].takeIf { result.answered }
            val text = typed[index to result.player]
            AnswerRecord(
                player = result.player.value,
                name = state.players[result.player]?.name.orEmpty(),
                answered = result.answered,
                answer = submitted?.let { if (question.kind == QuestionKind.TYPED) text else it.choices.joinToString(", ") { c -> question.choices[c] } },
                choices = submitted?.choices?.takeIf { question.kind != QuestionKind.TYPED },
                text = text.takeIf { submitted != null },
                timeMs = submitted?.elapsed,
                points = result.points,
                correct = result.correct,
            )
        }
        return QuestionResult(
            index = index,
            text = question.text,
            kind = question.kind,
            choices = question.choices.takeIf { question.kind != QuestionKind.TYPED },
            correct = question.answer,
            accept = question.accept.takeIf { question.kind == QuestionKind.TYPED },
            points = question.points,
            distribution = reveal.distribution,
            right = answers.count { it.correct },
            answers = answers,
        )
    }

    /** The question the fewest got right, by share of players; null before any reveal. */
    fun hardest(): Int? = questions.minByOrNull { q -> q.right.toDouble() / q.answers.size.coerceAtLeast(1) }?.index

    /** How many of [player]'s answers were right. */
    fun correct(player: String): Int = questions.count { q -> q.answers.any { it.player == player && it.correct } }
}
