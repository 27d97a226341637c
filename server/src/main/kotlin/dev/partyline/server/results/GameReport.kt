package dev.partyline.server.results

import dev.partyline.shared.game.quiz.QuestionKind
import kotlinx.serialization.Serializable

/**
 * A game's report, as `GET /api/games/{id}` answers it: the final standings with each player's
 * figures, and for a quiz every revealed question with every player's answer; for memory the
 * board and how long the game took. Built from the game's journal by replaying it.
 */
@Serializable
data class GameReport(
    val id: String,
    val room: String,
    val game: String,
    val title: String,
    val startedAt: Long,
    /** Null while the game runs. */
    val endedAt: Long?,
    /** Every player ranked, best first. */
    val players: List<PlayerResult>,
    /** A quiz's revealed questions, in the order they were asked. */
    val questions: List<QuestionResult>? = null,
    /** The index of the question the fewest players got right. */
    val hardest: Int? = null,
    val memory: MemoryResult? = null,
    /** Where the game's files are: `csv`, `xlsx`, `replay`. */
    val downloads: Map<String, String>,
)

/** A player's final standing; quiz players have [correct] answers, memory players [flips] and [turns]. */
@Serializable
data class PlayerResult(
    val player: String,
    val name: String,
    val bot: Boolean,
    val score: Int,
    val rank: Int,
    val correct: Int? = null,
    val flips: Int? = null,
    val turns: Int? = null,
)

/** One question of a quiz as it was asked and revealed, with [answers] from every player. */
@Serializable
data class QuestionResult(
    val index: Int,
    val text: String,
    val kind: QuestionKind,
    val choices: List<String>? = null,
    /** The right choices' indexes (or the texts accepted, for a typed question). */
    val correct: List<Int>,
    val accept: List<String>? = null,
    val points: Int,
    /** How many picked each choice. */
    val distribution: List<Int>? = null,
    /** How many answered right. */
    val right: Int,
    val answers: List<AnswerRecord>,
)

/**
 * One player's answer to one question: what they picked ([choices], or the [text] they typed,
 * and as [answer] in words), how long they took in ms, the points it won and whether it was right.
 */
@Serializable
data class AnswerRecord(
    val player: String,
    val name: String,
    val answered: Boolean,
    val answer: String? = null,
    val choices: List<Int>? = null,
    val text: String? = null,
    val timeMs: Long? = null,
    val points: Int,
    val correct: Boolean,
)

/** A memory game's board and length. */
@Serializable
data class MemoryResult(val mode: String, val rows: Int, val cols: Int, val pairs: Int, val durationMs: Long?)

/** A line of `GET /api/games`. */
@Serializable
data class GameListing(val id: String, val room: String, val game: String, val title: String, val startedAt: Long, val endedAt: Long?, val players: Int)
