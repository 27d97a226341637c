package dev.partyline.shared.game.memory

import dev.partyline.shared.game.GameMove
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Standing
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** How a memory game is played: one shared board in turns, or a private board each, all at once. */
@Serializable
enum class MemoryMode {
    @SerialName("turns") TURNS,
    @SerialName("race") RACE,
}

/** `flip`: turn card [card] (row * cols + col) face up. */
@Serializable @SerialName("flip")
data class FlipCard(val card: Int) : GameMove

/** `board`: the game has started; [turn] and [deadline] are null in a race. */
@Serializable @SerialName("board")
data class BoardStarted(
    val rows: Int,
    val cols: Int,
    val mode: MemoryMode,
    val pairs: Int,
    val turn: PlayerId?,
    val deadline: Long?,
) : ServerMessage

/** `flipped`: card [card] shows [face]; sent only to those who may see that board. */
@Serializable @SerialName("flipped")
data class Flipped(val card: Int, val face: String, val by: PlayerId) : ServerMessage

/** `match`: [cards] are a pair and stay face up; [score] is [by]'s pairs so far. */
@Serializable @SerialName("match")
data class PairMatched(val cards: List<Int>, val by: PlayerId, val score: Int) : ServerMessage

/** `miss`: [cards] differ; they stay visible until [hideAt], then turn face down (`hide`). */
@Serializable @SerialName("miss")
data class PairMissed(val cards: List<Int>, val by: PlayerId, val hideAt: Long) : ServerMessage

/** `hide`: [cards] of [by]'s board turned face down again (after a miss, a lapsed turn or a skip). */
@Serializable @SerialName("hide")
data class CardsHidden(val cards: List<Int>, val by: PlayerId) : ServerMessage

/** `turn`: it is [player]'s turn until [deadline]; a null player means nobody connected can play. */
@Serializable @SerialName("turn")
data class TurnStarted(val player: PlayerId?, val deadline: Long?) : ServerMessage

/** `progress`: in a race, [player] has found [pairs] pairs. */
@Serializable @SerialName("progress")
data class RaceProgressed(val player: PlayerId, val pairs: Int) : ServerMessage

/**
 * `standings`: in a race of more than 100 players, sent in place of each `progress` at most as
 * often as [dev.partyline.shared.protocol.Crowd.summaryIntervalMs] allows: the [leaderboard]'s
 * top, and how many race in all ([total]).
 */
@Serializable @SerialName("standings")
data class RaceStandings(val leaderboard: List<Standing>, val total: Int) : ServerMessage
