package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Standing
import kotlinx.collections.immutable.PersistentMap
import kotlinx.collections.immutable.persistentMapOf

/** Where a quiz is: a question open for answers, its answer revealed, or over. */
enum class QuizPhase { OPEN, REVEALED, OVER }

/** A participant of a quiz. */
data class QuizPlayer(val id: PlayerId, val name: String, val score: Int = 0, val streak: Int = 0, val connected: Boolean = true)

/** An accepted answer to the open question; points are settled at the reveal. */
data class Submitted(val correct: Boolean, val elapsed: Long, val choices: List<Int>)

/** The settings a quiz runs with, fixed at start. */
data class QuizSettings(val questions: List<Question>, val defaultSeconds: Int, val revealMillis: Long, val lateJoin: Boolean)

/** The whole state of a running quiz; immutable (persistent maps, so an answer costs O(log n)), advanced by [QuizRules]. */
data class QuizState(
    val settings: QuizSettings,
    val players: PersistentMap<PlayerId, QuizPlayer>,
    /** How many of [players] are connected; kept as they come, go and drop, so no answer has to count them. */
    val connected: Int,
    val index: Int,
    val phase: QuizPhase,
    val openedAt: Long,
    val deadline: Long,
    val answers: PersistentMap<PlayerId, Submitted> = persistentMapOf(),
    val nextAt: Long? = null,
    val pausedAt: Long? = null,
    val lastProgressAt: Long = 0,
    val progressDue: Boolean = false,
    val lastReveal: Reveal? = null,
) : GamePlay {
    val question: Question get() = settings.questions[index]
    val limitMillis: Long get() = (question.seconds ?: settings.defaultSeconds) * 1000L

    override val wakeAt: Long?
        get() = when {
            pausedAt != null -> null
            phase == QuizPhase.OPEN -> if (progressDue) minOf(deadline, lastProgressAt + progressInterval) else deadline
            phase == QuizPhase.REVEALED -> nextAt
            else -> null
        }

    /** `answers` progress goes out at most this often: a few times a second, once a second in a crowd (see [Crowd]). */
    val progressInterval: Long get() = Crowd.summaryIntervalMs(players.size)

    override val isOver: Boolean get() = phase == QuizPhase.OVER

    override val scores: Map<PlayerId, Int> by lazy(LazyThreadSafetyMode.NONE) { players.mapValues { it.value.score } }

    override val standings: List<Standing> get() = QuizRules.leaderboard(this)

    override fun decide(input: GameInput, now: Long): Step = QuizRules.decide(this, input, now)

    override fun view(viewer: PlayerId) = QuizView(
        question = if (phase == QuizPhase.OPEN) questionView() else null,
        answered = phase == QuizPhase.OPEN && viewer in answers,
        paused = pausedAt != null,
        reveal = lastReveal?.let { BigRoom.revealFor(it, viewer) },
    )

    /** The open question as players see it. */
    fun questionView() = QuestionView(
        index = index,
        count = settings.questions.size,
        kind = question.kind,
        text = question.text,
        choices = question.choices.takeIf { question.kind != QuestionKind.TYPED },
        deadline = deadline,
        seconds = (limitMillis / 1000).toInt(),
        points = question.points,
        image = question.imageUrl,
    )
}
